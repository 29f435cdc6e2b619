package wirewatch.ingest.dedup;

import java.time.Instant;
import java.util.List;

/**
 * The de-duplication store. {@link #register} must run inside the caller's transaction: the caller
 * publishes the story before committing, so a recorded story is always a published one, and a failed
 * publish rolls the record back.
 */
public interface SeenStories {

    /**
     * Records a story under its id unless that id is already recorded, and places it in the cluster of
     * the first earlier story sharing one of its cluster keys (or a cluster of its own). Concurrent calls
     * for the same id or key wait for each other, so exactly one of them records the story.
     */
    Registration register(String id, String canonicalUrl, List<String> clusterKeys, Instant ingestedAt);

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
