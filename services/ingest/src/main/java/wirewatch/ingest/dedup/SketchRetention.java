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
     * A band row carries its sketch's number, not its time, and numbers follow the order sketches were written, so
     * the band rows below the lowest number still in the window go (all of them when none is), through a BRIN
     * index on the number (band rows have no foreign key, whose check on every band row inserted cost more than the
     * rest of the insert). Two stories written at once can be numbered in the other order than their times; the
     * band rows of a deleted sketch numbered above one that stays then wait for a later round, matching nothing
     * meanwhile (a candidate is read from its sketch). Returns the sketches deleted.
     */
    int deleteSketchesBefore(Instant cutoff) {
        var at = OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        jdbc.sql("delete from story_line where ingested_at < :cutoff").param("cutoff", at).update();
        return jdbc.sql("""
                        with gone as (
                            delete from story_sketch where ingested_at < :cutoff returning story_no),
                        kept as (
                            select story_no from story_sketch where ingested_at >= :cutoff order by story_no limit 1),
                        bands as (
                            delete from cluster_band
                            where story_no < coalesce((select story_no from kept), 9223372036854775807))
                        select count(*) from gone""")
                .param("cutoff", at)
                .query(Integer.class)
                .single();
    }
}
