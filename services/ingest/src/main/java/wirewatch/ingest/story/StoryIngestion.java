package wirewatch.ingest.story;

import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.dedup.SeenStories;
import wirewatch.ingest.dedup.SeenStories.Registration;
import wirewatch.ingest.dedup.TextSketch;

/**
 * Takes a normalised story into Wirewatch: records it as seen and publishes it within one database
 * transaction, so a story is recorded if and only if Kafka acknowledged it. When Kafka fails the record
 * rolls back and the caller can retry. The gaps left are Kafka acknowledging after the wait timed out, and the
 * database failing the story's last write (or its commit) after the story was sent: the retry then publishes the
 * story a second time under the same id, which consumers tolerate.
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
            var publication = new Publication(story);
            var registration = seenStories.register(story.id(), story.url().value(), sketch, story.ingestedAt(),
                    publication);
            return switch (registration) {
                case Registration.Seen seen -> new StoryReceipt(seen.id(), seen.clusterId(), true);
                case Registration.New created -> {
                    publication.awaitAcknowledgement();
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

    /**
     * Sends the story as soon as its cluster is decided, while its sketch is still being written, and waits for
     * the acknowledgement after that: the story's band locks are held through one round trip fewer. Should the
     * write fail after the send, the record rolls back and a retry publishes the story again under the same id,
     * as after an acknowledgement that came too late.
     */
    private final class Publication implements Consumer<String> {

        private final NormalisedStory story;
        private StoryPublisher.Acknowledgement acknowledgement;
        private long sentAt;

        Publication(NormalisedStory story) {
            this.story = story;
        }

        @Override
        public void accept(String clusterId) {
            sentAt = System.nanoTime();
            try {
                acknowledgement = publisher.send(story.inCluster(clusterId));
            } catch (RuntimeException e) {
                metrics.publishTook(System.nanoTime() - sentAt);
                throw e;
            }
        }

        void awaitAcknowledgement() {
            try {
                acknowledgement.await();
            } finally {
                metrics.publishTook(System.nanoTime() - sentAt);
            }
        }
    }
}
