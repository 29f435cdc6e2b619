package wirewatch.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes routing state that no decision reads any more, in batches of {@code batchSize} rows, each batch one short
 * statement. Every batch locks the rows it deletes with {@code skip locked}, so instances running retention at the
 * same time take different rows, and a row routing is updating right now is left for the next run. Times are
 * compared with the clock routing stamped them with.
 */
@Component
public class RoutingRetention {

    private final JdbcClient jdbc;
    private final FloodProperties flood;
    private final Clock clock;

    public RoutingRetention(JdbcClient jdbc, FloodProperties flood, Clock clock) {
        this.jdbc = jdbc;
        this.flood = flood;
        this.clock = clock;
    }

    /**
     * Flood keys claimed longer than the flood window ago: {@link RoutingPolicy} treats such a key as free already,
     * so deleting it changes no decision.
     *
     * @return how many were deleted
     */
    public int removeExpiredFloodKeys(int batchSize) {
        var cutoff = utc(clock.instant().minus(flood.window()));
        return inBatches(batchSize, () -> jdbc.sql("""
                        delete from flood_keys
                         where ctid = any(array(select ctid from flood_keys where claimed_at < ?
                                                 limit ? for update skip locked))
                           and claimed_at < ?""")
                .params(cutoff, batchSize, cutoff).update());
    }

    /**
     * Hourly counts of the hours before the previous one. The previous hour's stays: an alert is routed at the
     * instant it was read, so one read just before the hour turned may still count towards it a moment after.
     *
     * @return how many were deleted
     */
    public int removePastHourlyCounts(int batchSize) {
        var cutoff = utc(clock.instant().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS));
        return inBatches(batchSize, () -> jdbc.sql("""
                        delete from instant_counts
                         where ctid = any(array(select ctid from instant_counts where hour_start < ?
                                                 limit ? for update skip locked))""")
                .params(cutoff, batchSize).update());
    }

    /**
     * Decisions made before {@code cutoff}. A decision is read only when its alert is read again, so the caller
     * keeps them as long as the delivery history they explain.
     *
     * @return how many were deleted
     */
    public int removeDecisionsBefore(Instant cutoff, int batchSize) {
        return inBatches(batchSize, () -> jdbc.sql("""
                        delete from routing_decisions
                         where ctid = any(array(select ctid from routing_decisions where decided_at < ?
                                                 limit ? for update skip locked))""")
                .params(utc(cutoff), batchSize).update());
    }

    /**
     * Runs {@code batch} (which deletes up to {@code batchSize} rows) until it deletes fewer; the delivery package's
     * retention steps use it too.
     */
    public static int inBatches(int batchSize, IntSupplier batch) {
        int deleted = 0;
        int last;
        do {
            last = batch.getAsInt();
            deleted += last;
        } while (last == batchSize);
        return deleted;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
