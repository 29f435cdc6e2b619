package wirewatch.ingest.feed.poll;

import java.util.List;

import wirewatch.ingest.story.NormalisedStory;

/**
 * A feed item as a story, with the keys that identify the item within its feed.
 *
 * @param itemKeys {@code guid:}, {@code url:} and {@code content:} keys, each a hash of fixed length, sorted so
 *                 concurrent claims take their row locks in one order
 */
record FeedStory(NormalisedStory story, List<String> itemKeys) {

    FeedStory {
        itemKeys = itemKeys.stream().sorted().toList();
    }
}
