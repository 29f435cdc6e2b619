package wirewatch.ingest.feed.poll;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code feed_item} table. A claim inserts every key of an item; a key already present (committed, or
 * being inserted by a concurrent transaction, which the insert then waits for) means the item was handled
 * before. Keys known for the first time are kept even then, so an item that changed its link or guid is
 * still recognised next time by the new one.
 */
@Repository
class ItemClaims {

    private final JdbcClient jdbc;

    ItemClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code true} when none of the keys was claimed before: the item is new and this transaction owns it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String feedId, List<String> itemKeys, String storyId, Instant seenAt) {
        var allNew = true;
        for (var key : itemKeys) {
            allNew &= jdbc.sql("""
                            insert into feed_item (feed_id, item_key, story_id, first_seen_at)
                            values (:feedId, :key, :storyId, :seenAt)
                            on conflict do nothing""")
                    .param("feedId", feedId)
                    .param("key", key)
                    .param("storyId", storyId)
                    .param("seenAt", OffsetDateTime.ofInstant(seenAt, ZoneOffset.UTC))
                    .update() == 1;
        }
        return allNew;
    }
}
