package wirewatch.notify.subscription;

import java.util.List;

/**
 * A subscription request that passed validation.
 *
 * @param keywords lower-case phrases; empty when the subscription does not filter by keyword
 * @param sources  lower-case domain names; empty when the subscription does not filter by source
 * @param digest   {@code null} unless {@code mode} is {@code DIGEST}
 */
record NewSubscription(Channel channel, String target, List<String> categories, double minConfidence,
                       List<String> keywords, List<String> sources, Mode mode, DigestSchedule digest) {
}
