package wirewatch.ingest.dedup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SeenStories} in PostgreSQL. Uniqueness comes from primary keys and {@code ON CONFLICT DO NOTHING}:
 * a second transaction inserting the same id or cluster key blocks until the first commits (then sees its
 * row) or rolls back (then inserts its own), so concurrent posts and several instances need no locks here.
 */
@Repository
class JdbcSeenStories implements SeenStories {

    private final JdbcClient jdbc;

    JdbcSeenStories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Registration register(String id, String canonicalUrl, List<String> clusterKeys, Instant ingestedAt) {
        var inserted = jdbc.sql("""
                        insert into seen_story (id, canonical_url, cluster_id, ingested_at)
                        values (:id, :url, :id, :ingestedAt)
                        on conflict (id) do nothing""")
                .param("id", id)
                .param("url", canonicalUrl)
                .param("ingestedAt", OffsetDateTime.ofInstant(ingestedAt, ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            var clusterId = jdbc.sql("select cluster_id from seen_story where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single();
            return new Registration.Seen(id, clusterId);
        }
        var clusterId = clusterFor(id, clusterKeys);
        if (!clusterId.equals(id)) {
            jdbc.sql("update seen_story set cluster_id = :clusterId where id = :id")
                    .param("clusterId", clusterId)
                    .param("id", id)
                    .update();
        }
        return new Registration.New(clusterId);
    }

    private String clusterFor(String id, List<String> clusterKeys) {
        for (var key : clusterKeys) {
            jdbc.sql("""
                            insert into cluster_key (key, cluster_id, story_id)
                            values (:key, :id, :id)
                            on conflict (key) do nothing""")
                    .param("key", key)
                    .param("id", id)
                    .update();
            var clusterId = jdbc.sql("select cluster_id from cluster_key where key = :key")
                    .param("key", key)
                    .query(String.class)
                    .single();
            if (!clusterId.equals(id)) {
                return clusterId;
            }
        }
        return id;
    }
}
