package wirewatch.notify.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertSender;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/** POSTs an alert as a signed {@code alert.created} event; 2xx is delivered, 410 Gone ends the subscription. */
@Component
class WebhookSender implements AlertSender, AutoCloseable {

    static final String EVENT_TYPE = "alert.created";
    private static final String USER_AGENT = "Wirewatch-Webhooks/1.0";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final JsonMapper json;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, JsonMapper json) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                // A redirect could lead anywhere, internal hosts included; receivers must give their final URL.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = properties.requestTimeout();
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert) {
        var body = payload(subscription, alert);
        var webhookId = deliveryId.toString();
        var timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(URI.create(subscription.target()))
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(subscription.secret(), webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            var status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return SendOutcome.delivered();
            }
            if (status == 410) {
                return SendOutcome.gone("the receiver answered 410 Gone");
            }
            return SendOutcome.failed("the receiver answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return SendOutcome.failed("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return SendOutcome.failed("could not reach the receiver: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendOutcome.failed("interrupted while sending");
        }
    }

    /**
     * The event's {@code timestamp} is when the alert was raised, not when this attempt is made, so every attempt
     * sends the same body; the attempt's time is in the signed {@code webhook-timestamp} header.
     */
    private String payload(Subscription subscription, Alert alert) {
        ObjectNode data = json.valueToTree(alert);
        data.put("subscriptionId", subscription.id().toString());
        var event = json.createObjectNode();
        event.put("type", EVENT_TYPE);
        event.put("timestamp", (alert.classifiedAt() == null ? clock.instant() : alert.classifiedAt()).toString());
        event.set("data", data);
        return json.writeValueAsString(event);
    }

    @Override
    public void close() {
        http.close();
    }
}
