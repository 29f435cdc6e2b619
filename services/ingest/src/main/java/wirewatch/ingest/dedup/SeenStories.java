package wirewatch.ingest.dedup;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The de-duplication store. {@link #register} must run inside the caller's transaction: the caller
 * publishes the story before committing, so a recorded story is always a published one, and a failed
 * publish rolls the record back.
 */
public interface SeenStories {

    /**
     * Records a story under its id unless that id is already recorded, and places it in the cluster of
     * the most similar earlier story within the clustering window whose body it near-duplicates (or a
     * cluster of its own). Concurrent calls for the same id, or for stories that could be copies of each
     * other, wait for each other, so exactly one records the story and copies never miss each other.
     */
    Registration register(String id, String canonicalUrl, TextSketch sketch, Instant ingestedAt);

    /**
     * {@link #register(String, String, TextSketch, Instant)}, telling {@code onClustered} the cluster of a story
     * recorded now as soon as it is decided and before the story's sketch is written: a caller can start
     * publishing the story there, so that the broker's round trip overlaps the last write instead of following it
     * while the story's locks are held. Not called for a story seen before. An exception it throws rolls the
     * registration back with the caller's transaction.
     */
    Registration register(String id, String canonicalUrl, TextSketch sketch, Instant ingestedAt,
            Consumer<String> onClustered);

    /** What {@link #register} found. */
    sealed interface Registration {

        String clusterId();

        /** First sighting, now recorded; the story is to be published with this cluster id. */
        record New(String clusterId) implements Registration {
        }

        /** Seen before, under the id given; nothing was recorded. */
        record Seen(String id, String clusterId) implements Registration {
        }
    }
}
