package wirewatch.notify.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.message.BasicHeader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertSender;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/**
 * POSTs an alert as a signed {@code alert.created} event. 2xx is delivered, 410 Gone ends the subscription,
 * anything else (and no answer) is worth a retry, after the receiver's {@code Retry-After} if it sent one.
 */
@Component
class WebhookSender implements AlertSender, AutoCloseable {

    static final String EVENT_TYPE = "alert.created";
    private static final int REMEMBERED_ALERTS = 256;

    private record Rendered(Alert alert, byte[] head) {
    }

    private final WebhookHttp http;
    private final Duration requestTimeout;
    private final Duration disableAfter;
    private final JsonMapper json;
    private final SigningSecrets secrets;
    private final Clock clock;
    /**
     * The alerts rendered lately, by id: a poll's alerts are dispatched at the same time, and a fixed set of slots
     * (one, then sixteen by identity hash) let two of them evict each other for nearly every delivery.
     */
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    @Autowired
    WebhookSender(WebhookProperties properties, HostResolver resolver, PrivateNetworkPolicy policy, JsonMapper json,
                  Tracer tracer, Propagator propagator, MeterRegistry registry, SigningSecrets secrets) {
        this(properties, resolver, policy, json, tracer, propagator, registry, secrets, Clock.systemUTC());
    }

    WebhookSender(WebhookProperties properties, HostResolver resolver, PrivateNetworkPolicy policy, JsonMapper json,
                  Tracer tracer, Propagator propagator, MeterRegistry registry, SigningSecrets secrets, Clock clock) {
        this.http = new WebhookHttp(properties, new GuardedDnsResolver(resolver, policy), tracer, propagator,
                registry);
        this.requestTimeout = properties.requestTimeout();
        this.disableAfter = properties.disableAfter();
        this.json = json;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public Optional<Duration> disableWhenFailingFor() {
        return Optional.of(disableAfter);
    }

    /**
     * The {@code webhook-id} is the delivery id on every attempt and replay; the signature is made afresh for
     * each attempt over its own {@code webhook-timestamp}, as the Standard Webhooks specification asks, so a
     * receiver's replay-attack window applies to the attempt, not to the alert's age.
     */
    @Override
    public SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert) {
        return post(deliveryId, subscription, payload(subscription, alert));
    }

    /** A {@code digest.created} event, signed and answered like an alert. */
    @Override
    public SendOutcome sendDigest(UUID deliveryId, Subscription subscription, Digest digest) {
        return post(deliveryId, subscription, DigestEvent.body(json, digest).getBytes(StandardCharsets.UTF_8));
    }

    private SendOutcome post(UUID deliveryId, Subscription subscription, byte[] body) {
        var webhookId = deliveryId.toString();
        var timestamp = clock.instant().getEpochSecond();
        var headers = List.of(
                new BasicHeader("webhook-id", webhookId),
                new BasicHeader("webhook-timestamp", Long.toString(timestamp)),
                new BasicHeader("webhook-signature", signatures(subscription, webhookId, timestamp, body)));
        try {
            var answer = http.post(subscription.target(), headers, body);
            return outcome(answer);
        } catch (TargetRefusedException e) {
            return SendOutcome.refused("refused at connect time: " + e.getMessage());
        } catch (ConnectTimeoutException | HttpHostConnectException e) {
            return SendOutcome.failed("could not connect to the receiver: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return SendOutcome.failed("no answer within " + requestTimeout.toMillis() + " ms");
        } catch (UnknownHostException e) {
            return SendOutcome.failed("the receiver's host could not be resolved: " + e.getMessage());
        } catch (IOException e) {
            return SendOutcome.failed("could not reach the receiver: " + e);
        }
    }

    /**
     * One signature per valid secret, space-separated, the newest first: during a rotation's overlap a receiver
     * that knows either the old or the new secret finds one it can check.
     */
    private String signatures(Subscription subscription, String webhookId, long timestamp, byte[] body) {
        var current = secrets.current(subscription);
        if (current.size() == 1) {
            return WebhookSignature.sign(current.getFirst(), webhookId, timestamp, body);
        }
        return String.join(" ", current.stream()
                .map(secret -> WebhookSignature.sign(secret, webhookId, timestamp, body))
                .toList());
    }

    private SendOutcome outcome(WebhookHttp.Answer answer) {
        var status = answer.status();
        if (status >= 200 && status < 300) {
            return SendOutcome.delivered();
        }
        if (status == 410) {
            return SendOutcome.gone("the receiver answered 410 Gone");
        }
        return SendOutcome.failed("the receiver answered HTTP " + status, retryAfter(answer.retryAfter()));
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; zero when absent or unreadable. */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        var value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                var until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                var wait = Duration.between(clock.instant(), until);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
    }

    /**
     * The event's {@code timestamp} is when the alert was raised, not when this attempt is made, so every attempt
     * sends the same body; the attempt's time is in the signed {@code webhook-timestamp} header. The deliveries of
     * one alert differ only in their {@code subscriptionId}, the last field of {@code data}, so the rest is
     * rendered and encoded once per alert rather than once per subscription; a delivery's body is that with its
     * own end appended, the bytes that are both signed and sent.
     */
    private byte[] payload(Subscription subscription, Alert alert) {
        var event = rendered.get(alert.id());
        if (event == null || event.alert() != alert) {
            if (rendered.size() >= REMEMBERED_ALERTS) {
                rendered.clear();
            }
            event = new Rendered(alert, eventUpToSubscriptionId(alert));
            rendered.put(alert.id(), event);
        }
        var head = event.head();
        var end = (",\"subscriptionId\":\"" + subscription.id() + "\"}}").getBytes(StandardCharsets.UTF_8);
        var body = Arrays.copyOf(head, head.length + end.length);
        System.arraycopy(end, 0, body, head.length, end.length);
        return body;
    }

    /** The event as JSON without its last two characters, the ends of {@code data} and of the event, in UTF-8. */
    private byte[] eventUpToSubscriptionId(Alert alert) {
        var event = json.createObjectNode();
        event.put("type", EVENT_TYPE);
        event.put("timestamp", (alert.classifiedAt() == null ? clock.instant() : alert.classifiedAt()).toString());
        event.set("data", json.valueToTree(alert));
        var complete = json.writeValueAsString(event);
        return complete.substring(0, complete.length() - 2).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
