package wirewatch.ingest.story;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.dedup.SeenStories;
import wirewatch.ingest.dedup.SeenStories.Registration;
import wirewatch.ingest.dedup.TextSketch;

/**
 * Takes a normalised story into Wirewatch: records it as seen and publishes it within one database
 * transaction, so a story is recorded if and only if Kafka acknowledged it. When Kafka fails the record
 * rolls back and the caller can retry. The one gap left is Kafka acknowledging after the wait timed out:
 * the retry then publishes the story a second time under the same id, which consumers tolerate.
 *
 * <p>Pushed stories and polled feed items both come through here, so they are recorded, clustered and
 * published alike. A caller with claims of its own (feed polling claims each feed item) may call within its
 * own transaction: the story's record then commits or rolls back together with those claims.
 */
@Service
public class StoryIngestion {

    private final SeenStories seenStories;
    private final StoryPublisher publisher;
    private final TransactionTemplate transaction;
    private final StoryMetrics metrics;

    StoryIngestion(SeenStories seenStories, StoryPublisher publisher, TransactionTemplate transaction,
            StoryMetrics metrics) {
        this.seenStories = seenStories;
        this.publisher = publisher;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    /**
     * @param origin where the story came from, for the {@code source} tag of the metrics: {@code api} or a
     *               feed's name
     * @throws PublishFailedException when Kafka did not acknowledge; nothing was recorded
     */
    public StoryReceipt ingest(NormalisedStory story, String origin) {
        // Sketched before the transaction opens: it is pure computation and needs no connection.
        var sketch = TextSketch.of(story.body());
        var receipt = transaction.execute(status -> {
            var registration = seenStories.register(story.id(), story.url().value(), sketch, story.ingestedAt());
            return switch (registration) {
                case Registration.Seen seen -> new StoryReceipt(seen.id(), seen.clusterId(), true);
                case Registration.New created -> {
                    metrics.timePublish(() -> publisher.publish(story.inCluster(created.clusterId())));
                    yield new StoryReceipt(story.id(), created.clusterId(), false);
                }
            };
        });
        if (receipt.duplicate()) {
            metrics.duplicate(origin);
        } else {
            metrics.published(origin);
        }
        return receipt;
    }
}
