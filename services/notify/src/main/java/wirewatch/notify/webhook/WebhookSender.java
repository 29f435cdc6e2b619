package wirewatch.notify.webhook;

import io.micrometer.core.instrument.binder.httpcomponents.hc5.ObservationExecChainHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
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
    private static final String USER_AGENT = "Wirewatch-Webhooks/1.0";
    private static final ContentType JSON = ContentType.create("application/json");
    private static final int RENDERED_SLOTS = 16;

    private record Answer(int status, String retryAfter) {
    }

    private record Rendered(Alert alert, String head) {
    }

    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final Duration requestTimeout;
    private final Duration disableAfter;
    private final JsonMapper json;
    private final SigningSecrets secrets;
    private final Clock clock;
    /**
     * The alerts rendered last, each in the slot of its identity hash: the listener's consumers dispatch alerts
     * at the same time, and a single "last alert" slot made them render each other's out for nearly every delivery.
     */
    private final AtomicReferenceArray<Rendered> rendered = new AtomicReferenceArray<>(RENDERED_SLOTS);

    @Autowired
    WebhookSender(WebhookProperties properties, HostResolver resolver, PrivateNetworkPolicy policy, JsonMapper json,
                  ObservationRegistry observations, SigningSecrets secrets) {
        this(properties, resolver, policy, json, observations, secrets, Clock.systemUTC());
    }

    WebhookSender(WebhookProperties properties, HostResolver resolver, PrivateNetworkPolicy policy, JsonMapper json,
                  ObservationRegistry observations, SigningSecrets secrets, Clock clock) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(resolver, policy))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                        .build())
                // Kept alive and reused: a fan-out to many webhooks on one host (one route) reuses warm connections.
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnectionsPerHost())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.requestTimeout())).build())
                // A redirect could lead anywhere, internal hosts included; receivers must give their final URL.
                .disableRedirectHandling()
                // Retrying is the retry topics' business, with back-off and a record of every attempt.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                // A client span per request, whose traceparent header carries the story's trace to the receiver.
                .addExecInterceptorLast("observation",
                        new ObservationExecChainHandler(observations, WebhookRequestConvention.INSTANCE))
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
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
        return post(deliveryId, subscription, DigestEvent.body(json, digest));
    }

    private SendOutcome post(UUID deliveryId, Subscription subscription, String body) {
        var webhookId = deliveryId.toString();
        var timestamp = clock.instant().getEpochSecond();
        var request = new HttpPost(URI.create(subscription.target()));
        request.setHeader("webhook-id", webhookId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", signatures(subscription, webhookId, timestamp, body));
        // JSON is UTF-8 by definition (RFC 8259), so the content type names no charset.
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), JSON));
        // The response timeout bounds each wait for bytes; this bounds the whole attempt, for a receiver that
        // trickles its answer.
        var deadlinePassed = new AtomicBoolean();
        var deadline = deadlines.schedule(() -> {
            deadlinePassed.set(true);
            request.cancel();
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            var answer = http.execute(request, response -> new Answer(response.getCode(),
                    response.getFirstHeader("Retry-After") == null ? null
                            : response.getFirstHeader("Retry-After").getValue()));
            return outcome(answer);
        } catch (TargetRefusedException e) {
            return SendOutcome.refused("refused at connect time: " + e.getMessage());
        } catch (ConnectTimeoutException | HttpHostConnectException e) {
            return SendOutcome.failed("could not connect to the receiver: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return noAnswer();
        } catch (UnknownHostException e) {
            return SendOutcome.failed("the receiver's host could not be resolved: " + e.getMessage());
        } catch (IOException e) {
            return deadlinePassed.get() ? noAnswer() : SendOutcome.failed("could not reach the receiver: " + e);
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * One signature per valid secret, space-separated, the newest first: during a rotation's overlap a receiver
     * that knows either the old or the new secret finds one it can check.
     */
    private String signatures(Subscription subscription, String webhookId, long timestamp, String body) {
        var current = secrets.current(subscription);
        if (current.size() == 1) {
            return WebhookSignature.sign(current.getFirst(), webhookId, timestamp, body);
        }
        return String.join(" ", current.stream()
                .map(secret -> WebhookSignature.sign(secret, webhookId, timestamp, body))
                .toList());
    }

    private SendOutcome noAnswer() {
        return SendOutcome.failed("no answer within " + requestTimeout.toMillis() + " ms");
    }

    private SendOutcome outcome(Answer answer) {
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
     * rendered once per alert rather than once per subscription.
     */
    private String payload(Subscription subscription, Alert alert) {
        var slot = System.identityHashCode(alert) & (RENDERED_SLOTS - 1);
        var event = rendered.get(slot);
        if (event == null || event.alert() != alert) {
            event = new Rendered(alert, eventUpToSubscriptionId(alert));
            rendered.set(slot, event);
        }
        return event.head() + ",\"subscriptionId\":\"" + subscription.id() + "\"}}";
    }

    /** The event as JSON without its last two characters, the ends of {@code data} and of the event. */
    private String eventUpToSubscriptionId(Alert alert) {
        var event = json.createObjectNode();
        event.put("type", EVENT_TYPE);
        event.put("timestamp", (alert.classifiedAt() == null ? clock.instant() : alert.classifiedAt()).toString());
        event.set("data", json.valueToTree(alert));
        var complete = json.writeValueAsString(event);
        return complete.substring(0, complete.length() - 2);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
