package wirewatch.ingest.dedup;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes sketches, band keys and remembered lines that have left the clustering window: no later story can join their
 * cluster any more, so they would only slow band look-ups. {@code seen_story} stays, since it is what
 * makes a re-posted story a duplicate at any age. Running on several instances at once is harmless.
 */
@Component
class SketchRetention {

    private final JdbcClient jdbc;
    private final ClustersProperties properties;

    SketchRetention(JdbcClient jdbc, ClustersProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 10, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
    void deleteExpiredSketches() {
        deleteSketchesBefore(Instant.now().minus(properties.window()));
    }

    /**
     * Band rows carry their sketch's {@code ingested_at}, written in the statement that writes the sketch, so they
     * leave by the same cutoff (by a BRIN index on that time; they have no foreign key, whose check on every band
     * row inserted cost more than the rest of the insert); returns the sketches deleted.
     */
    int deleteSketchesBefore(Instant cutoff) {
        var at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        jdbc.sql("delete from story_line where ingested_at < :cutoff").param("cutoff", at).update();
        jdbc.sql("delete from cluster_band where ingested_at < :cutoff").param("cutoff", at).update();
        return jdbc.sql("delete from story_sketch where ingested_at < :cutoff").param("cutoff", at).update();
    }
}
