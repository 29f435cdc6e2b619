package wirewatch.ingest.feed;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultPollInterval how often a feed registered without {@code pollIntervalSeconds} is polled
 * @param minPollInterval     the shortest poll interval a feed may ask for
 * @param maxBackoff          the longest wait after failures (exponential from the poll interval, with jitter)
 * @param connectTimeout      how long to wait for a feed server's TCP/TLS connection
 * @param readTimeout         how long one fetch may take in all, redirects and body included
 * @param maxResponseSize     the largest feed document accepted, before and after gzip decoding
 * @param maxRedirects        redirects followed per fetch
 * @param userAgent           the {@code User-Agent} sent to feed servers
 * @param schedulerTick       how often an instance looks for due feeds among those it owns
 * @param maxConcurrentPolls  polls running at once per instance (each holds a database connection while it
 *                            publishes)
 * @param partitions          partitions of {@code ingest.feeds.v1} when ingest creates it: the most instances
 *                            that can share the polling
 * @param groupId             the consumer group through which instances share the feeds
 * @param sessionTimeout      how long a silent instance keeps its feeds before the group hands them over
 */
@ConfigurationProperties("wirewatch.ingest.feeds")
public record FeedsProperties(
        Duration defaultPollInterval,
        Duration minPollInterval,
        Duration maxBackoff,
        Duration connectTimeout,
        Duration readTimeout,
        DataSize maxResponseSize,
        int maxRedirects,
        String userAgent,
        Duration schedulerTick,
        int maxConcurrentPolls,
        int partitions,
        String groupId,
        Duration sessionTimeout) {

    public FeedsProperties {
        Objects.requireNonNull(defaultPollInterval, "wirewatch.ingest.feeds.default-poll-interval");
        Objects.requireNonNull(minPollInterval, "wirewatch.ingest.feeds.min-poll-interval");
        Objects.requireNonNull(maxBackoff, "wirewatch.ingest.feeds.max-backoff");
        Objects.requireNonNull(connectTimeout, "wirewatch.ingest.feeds.connect-timeout");
        Objects.requireNonNull(readTimeout, "wirewatch.ingest.feeds.read-timeout");
        Objects.requireNonNull(maxResponseSize, "wirewatch.ingest.feeds.max-response-size");
        Objects.requireNonNull(userAgent, "wirewatch.ingest.feeds.user-agent");
        Objects.requireNonNull(schedulerTick, "wirewatch.ingest.feeds.scheduler-tick");
        Objects.requireNonNull(groupId, "wirewatch.ingest.feeds.group-id");
        Objects.requireNonNull(sessionTimeout, "wirewatch.ingest.feeds.session-timeout");
    }
}
