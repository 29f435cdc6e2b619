package wirewatch.local.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request that reached {@code POST /webhooks/<endpoint>}, exactly as received.
 *
 * @param headers header names in lower case
 * @param signature {@link Signature#VALID} or {@link Signature#INVALID} against the endpoint's secret, {@link
 *                  Signature#NO_SECRET} when none was registered for the endpoint
 */
public record ReceivedWebhook(String endpoint, Instant receivedAt, Map<String, List<String>> headers, byte[] body,
                              Signature signature) {

    public enum Signature { VALID, INVALID, NO_SECRET }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase());
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The {@code webhook-id}: the delivery id, the same on every retry, so receivers can drop duplicates. */
    public Optional<String> webhookId() {
        return header("webhook-id");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean signatureValid() {
        return signature == Signature.VALID;
    }
}
