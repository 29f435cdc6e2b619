package wirewatch.notify.subscription;

import java.util.List;

/**
 * The body of {@code POST /api/subscriptions}. Everything arrives as sent, so that {@link SubscriptionRequests}
 * can name the field at fault instead of a JSON parser failing on the first odd value.
 *
 * @param digest only read when {@code mode} is {@code digest}
 */
record SubscriptionRequest(String channel, String target, List<String> categories, Double minConfidence, String mode,
                           DigestRequest digest) {

    /** @param interval an ISO-8601 duration such as {@code PT24H}; defaults to one day */
    record DigestRequest(String interval) {
    }
}
