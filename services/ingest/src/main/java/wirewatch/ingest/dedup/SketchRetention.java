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
     * A band row carries its sketch's number, not its time, so the band rows go with the sketches deleted, found
     * through a BRIN index on the number within the deleted sketches' range (band rows have no foreign key, whose
     * check on every band row inserted cost more than the rest of the insert); returns the sketches deleted.
     */
    int deleteSketchesBefore(Instant cutoff) {
        var at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        jdbc.sql("delete from story_line where ingested_at < :cutoff").param("cutoff", at).update();
        return jdbc.sql("""
                        with gone as (
                            delete from story_sketch where ingested_at < :cutoff returning story_no),
                        bands as (
                            delete from cluster_band
                            where story_no between (select min(story_no) from gone) and (select max(story_no) from gone)
                              and story_no in (select story_no from gone))
                        select count(*) from gone""")
                .param("cutoff", at)
                .query(Integer.class)
                .single();
    }
}
