package wirewatch.ingest.story;

/**
 * The answer to a pushed story.
 *
 * @param id        the story id (of the earlier copy when {@code duplicate})
 * @param clusterId the cluster the story belongs to
 * @param duplicate {@code true} when the same story was published before and nothing was published now
 */
public record StoryReceipt(String id, String clusterId, boolean duplicate) {
}
