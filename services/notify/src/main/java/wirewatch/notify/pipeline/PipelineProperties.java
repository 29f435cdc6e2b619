package wirewatch.notify.pipeline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions   partitions of the topics notify creates (its dead-letter topic)
 * @param retryBackoff pause before an alert whose processing failed (not one of its deliveries: the ledger or
 *                     the database) is read again
 * @param retries      how often such an alert is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("wirewatch.notify.pipeline")
record PipelineProperties(int partitions, Duration retryBackoff, int retries) {
}
