package wirewatch.ingest.feed.registry;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcFeedStore implements FeedStore {

    private static final String COLUMNS = """
            id, url, name, poll_interval_seconds, created_at, etag, last_modified, next_poll_at, last_polled_at,
            last_success_at, last_error, last_error_at, consecutive_failures, stories_published""";
    // The health text is for people; a server's error page quoted in full is not.
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    JdbcFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Feed> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from feed where id = :id")
                .param("id", id)
                .query(JdbcFeedStore::feed)
                .optional();
    }

    @Override
    public Optional<Feed> findByUrl(URI url) {
        return jdbc.sql("select " + COLUMNS + " from feed where url = :url")
                .param("url", url.toString())
                .query(JdbcFeedStore::feed)
                .optional();
    }

    @Override
    public List<Feed> all() {
        return jdbc.sql("select " + COLUMNS + " from feed order by created_at, id").query(JdbcFeedStore::feed).list();
    }

    @Override
    public List<Feed> due(Collection<String> ids, Instant now, int limit) {
        if (ids.isEmpty() || limit <= 0) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + """
                         from feed where id = any(:ids) and next_poll_at <= :now
                        order by next_poll_at limit :limit""")
                .param("ids", ids.toArray(String[]::new))
                .param("now", utc(now))
                .param("limit", limit)
                .query(JdbcFeedStore::feed)
                .list();
    }

    @Override
    public void recordSuccess(String id, String etag, String lastModified, Instant polledAt, Instant nextPollAt,
            int storiesPublished) {
        jdbc.sql("""
                        update feed set etag = coalesce(:etag, etag), last_modified = coalesce(:lastModified, last_modified),
                            last_polled_at = :polledAt, last_success_at = :polledAt, next_poll_at = :nextPollAt,
                            consecutive_failures = 0, stories_published = stories_published + :published
                        where id = :id""")
                .param("etag", etag)
                .param("lastModified", lastModified)
                .param("polledAt", utc(polledAt))
                .param("nextPollAt", utc(nextPollAt))
                .param("published", storiesPublished)
                .param("id", id)
                .update();
    }

    @Override
    public void recordFailure(String id, String error, Instant polledAt, Instant nextPollAt, int storiesPublished) {
        jdbc.sql("""
                        update feed set last_polled_at = :polledAt, last_error = :error, last_error_at = :polledAt,
                            next_poll_at = :nextPollAt, consecutive_failures = consecutive_failures + 1,
                            stories_published = stories_published + :published
                        where id = :id""")
                .param("published", storiesPublished)
                .param("polledAt", utc(polledAt))
                .param("error", error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error)
                .param("nextPollAt", utc(nextPollAt))
                .param("id", id)
                .update();
    }

    @Override
    public boolean moveTo(String id, URI url) {
        try {
            return jdbc.sql("update feed set url = :url where id = :id")
                    .param("url", url.toString())
                    .param("id", id)
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean insert(Feed feed) {
        return jdbc.sql("""
                        insert into feed (id, url, name, poll_interval_seconds, created_at, next_poll_at)
                        values (:id, :url, :name, :interval, :createdAt, :nextPollAt)
                        on conflict do nothing""")
                .param("id", feed.id())
                .param("url", feed.url().toString())
                .param("name", feed.name())
                .param("interval", Math.toIntExact(feed.pollInterval().toSeconds()))
                .param("createdAt", utc(feed.createdAt()))
                .param("nextPollAt", utc(feed.nextPollAt()))
                .update() == 1;
    }

    @Override
    public boolean delete(String id) {
        return jdbc.sql("delete from feed where id = :id").param("id", id).update() == 1;
    }

    private static Feed feed(ResultSet row, int rowNumber) throws SQLException {
        return new Feed(
                row.getString("id"),
                URI.create(row.getString("url")),
                row.getString("name"),
                Duration.ofSeconds(row.getInt("poll_interval_seconds")),
                instant(row, "created_at"),
                row.getString("etag"),
                row.getString("last_modified"),
                instant(row, "next_poll_at"),
                instant(row, "last_polled_at"),
                instant(row, "last_success_at"),
                row.getString("last_error"),
                instant(row, "last_error_at"),
                row.getInt("consecutive_failures"),
                row.getLong("stories_published"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var timestamp = row.getObject(column, OffsetDateTime.class);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
