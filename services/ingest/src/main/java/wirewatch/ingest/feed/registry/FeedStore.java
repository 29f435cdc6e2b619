package wirewatch.ingest.feed.registry;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code feed} table: definitions and polling state. */
public interface FeedStore {

    Optional<Feed> find(String id);

    Optional<Feed> findByUrl(URI url);

    List<Feed> all();

    /** Of the feeds named, those due at {@code now}, most overdue first. */
    List<Feed> due(Collection<String> ids, Instant now, int limit);

    /** A poll that got a document or a 304: validators (kept if {@code null}), failures reset. */
    void recordSuccess(String id, String etag, String lastModified, Instant polledAt, Instant nextPollAt,
            int storiesPublished);

    /** A poll that failed (after publishing {@code storiesPublished} items, if any): the failure streak grows by one. */
    void recordFailure(String id, String error, Instant polledAt, Instant nextPollAt, int storiesPublished);

    /** A permanent redirect: later polls go to {@code url}; {@code false} if another feed already has it. */
    boolean moveTo(String id, URI url);

    /** Inserts a new feed; {@code false} if one with its id or URL exists. */
    boolean insert(Feed feed);

    boolean delete(String id);
}
