package wirewatch.notify.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One subscriber's wish, as stored.
 *
 * @param target            an absolute http(s) URL for webhooks, an email address for email
 * @param categories        never empty
 * @param minConfidence     a match counts only with at least this confidence (0..1)
 * @param keywords          lower-case words or phrases of which the story must mention one; empty: no such filter
 * @param sources           lower-case domains one of which must be the story's source or URL host (or a parent
 *                          domain of it); empty: no such filter
 * @param digest            when digests go out; {@code null} unless {@code mode} is {@code DIGEST}
 * @param secret            {@code whsec_<base64>} signing key of a webhook, {@code null} for email
 * @param unsubscribeToken  the capability in every unsubscribe link
 * @param confirmationToken the capability in the opt-in link of an email subscription, {@code null} for webhooks
 * @param disabledReason    why notify disabled the subscription; {@code null} unless notify did
 */
public record Subscription(
        UUID id,
        Channel channel,
        String target,
        List<String> categories,
        double minConfidence,
        List<String> keywords,
        List<String> sources,
        Mode mode,
        DigestSchedule digest,
        SubscriptionStatus status,
        String secret,
        String unsubscribeToken,
        String confirmationToken,
        String disabledReason,
        Instant createdAt) {

    public Subscription {
        categories = List.copyOf(categories);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
    }

    // Keeps the secret and the tokens out of logs and exception messages.
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", channel=" + channel.id() + ", status=" + status.id() + "]";
    }
}
