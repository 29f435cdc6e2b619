package wirewatch.ingest.story;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest {@code POST /api/stories} body accepted, counted on the raw bytes
 * @param publishTimeout how long a request waits for Kafka to acknowledge the story before answering 503
 * @param partitions     partitions of {@code news.stories.v1} when ingest creates the topic
 * @param maxBatchSize   largest NDJSON batch ({@code application/x-ndjson}) accepted, counted on the raw
 *                       bytes; each line is still a story of at most {@code maxRequestSize}
 */
@ConfigurationProperties("wirewatch.ingest.stories")
public record StoriesProperties(DataSize maxRequestSize, Duration publishTimeout, int partitions,
        DataSize maxBatchSize) {

    public StoriesProperties {
        Objects.requireNonNull(maxRequestSize, "wirewatch.ingest.stories.max-request-size");
        Objects.requireNonNull(maxBatchSize, "wirewatch.ingest.stories.max-batch-size");
        Objects.requireNonNull(publishTimeout, "wirewatch.ingest.stories.publish-timeout");
    }

    /**
     * The largest Kafka record a story may need: a story from the largest accepted request serialises to
     * a little more than the request (added fields, headers), so twice the request limit leaves room.
     */
    long maxRecordBytes() {
        return 2 * maxRequestSize.toBytes();
    }
}
