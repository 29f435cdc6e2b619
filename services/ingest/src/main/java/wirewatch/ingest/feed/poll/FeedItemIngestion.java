package wirewatch.ingest.feed.poll;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.story.StoryIngestion;
import wirewatch.ingest.story.StoryMetrics;

/**
 * Publishes a feed item once: its keys are claimed and the story recorded and published in one
 * transaction, so across polls, restarts and instances exactly one claim commits with the publication,
 * and a failed publish releases the claim for the next poll.
 */
@Component
class FeedItemIngestion {

    private final ItemClaims claims;
    private final StoryIngestion stories;
    private final StoryMetrics storyMetrics;
    private final TransactionTemplate transaction;

    FeedItemIngestion(ItemClaims claims, StoryIngestion stories, StoryMetrics storyMetrics,
            TransactionTemplate transaction) {
        this.claims = claims;
        this.stories = stories;
        this.storyMetrics = storyMetrics;
        this.transaction = transaction;
    }

    /** @throws wirewatch.ingest.story.PublishFailedException when Kafka did not take it; nothing was claimed */
    Outcome ingest(String feedId, String feedName, FeedStory item) {
        var story = item.story();
        var outcome = transaction.execute(status -> {
            if (!claims.claim(feedId, item.itemKeys(), story.id(), story.ingestedAt())) {
                return Outcome.SEEN_ITEM;
            }
            // Joins this transaction: the story's record commits with the claims.
            return stories.ingest(story, feedName).duplicate() ? Outcome.SEEN_STORY : Outcome.PUBLISHED;
        });
        // StoryIngestion counts the stories it sees; an item stopped by its claims never reached it.
        if (outcome == Outcome.SEEN_ITEM) {
            storyMetrics.duplicate(feedName);
        }
        return outcome;
    }

    enum Outcome {
        PUBLISHED,
        /** This feed yielded the item before (same guid, link or content). */
        SEEN_ITEM,
        /** A new item, but its story was published before (pushed, or from another feed). */
        SEEN_STORY
    }
}
