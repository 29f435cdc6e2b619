package wirewatch.notify.subscription;

import java.util.List;

/**
 * The body of {@code POST /api/subscriptions}. Everything arrives as sent, so that {@link SubscriptionRequests}
 * can name the field at fault instead of a JSON parser failing on the first odd value.
 *
 * @param keywords optional: the story must mention one of these words or phrases
 * @param sources  optional: the story must come from one of these domains
 * @param digest   required when {@code mode} is {@code digest}, refused otherwise
 */
record SubscriptionRequest(String channel, String target, List<String> categories, Double minConfidence,
                           List<String> keywords, List<String> sources, String mode, DigestRequest digest) {

    /**
     * @param frequency {@code hourly} or {@code daily}
     * @param hour      daily digests only: 0..23 on the wall clock of {@code timeZone}; 8 when left out
     * @param timeZone  an IANA zone such as {@code Europe/Kyiv}; UTC when left out
     */
    record DigestRequest(String frequency, Number hour, String timeZone) {
    }
}
