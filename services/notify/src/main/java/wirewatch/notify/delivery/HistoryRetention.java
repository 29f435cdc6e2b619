package wirewatch.notify.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.IntSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes the delivery history older than {@code wirewatch.notify.retention.history} and the digests no delivery can
 * send again, in batches that lock what they delete with {@code skip locked} (so instances running this at once take
 * different rows, and never wait for a delivery being recorded).
 *
 * <p>Only final ledger rows go (delivered, failed, suppressed); a delivery still in flight stays, whatever its age.
 * A suppressed copy names the delivery it repeated, which the history shows beside it, so a delivery stays as long
 * as one of its copies does: copies go first, and a delivery only once none is left.
 *
 * <p>The ledger is read per subscription, through {@code deliveries_by_subscription}: an index on
 * {@code created_at} alone would cost every delivery an index entry on insert and another when it is recorded, on
 * the hottest table, to serve an hourly job.
 */
@Component
class HistoryRetention {

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    HistoryRetention(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Ledger rows are stamped by the database ({@code created_at default now()}), so their age is measured on its
     * clock.
     *
     * @return how many ledger rows were deleted
     */
    int removeExpiredDeliveries() {
        var history = properties.history().toMillis() / 1000.0;
        int batchSize = properties.batchSize();
        return inBatches(batchSize, () -> jdbc.sql("""
                        delete from deliveries
                         where ctid = any(array(
                                   select old.ctid from subscriptions
                                   cross join lateral (
                                       select ctid from deliveries
                                        where deliveries.subscription_id = subscriptions.id
                                          and created_at < now() - make_interval(secs => ?)
                                          and status = 'suppressed'
                                        limit ? for update skip locked) as old
                                   limit ?))""")
                .params(history, batchSize, batchSize).update())
                + inBatches(batchSize, () -> jdbc.sql("""
                        delete from deliveries
                         where ctid = any(array(
                                   select old.ctid from subscriptions
                                   cross join lateral (
                                       select ctid from deliveries
                                        where deliveries.subscription_id = subscriptions.id
                                          and created_at < now() - make_interval(secs => ?)
                                          and status in ('delivered', 'failed')
                                          and not exists (select 1 from deliveries as copy
                                                           where copy.subscription_id = deliveries.subscription_id
                                                             and copy.suppressed_by_alert = deliveries.alert_id
                                                             and copy.status = 'suppressed')
                                        limit ? for update of deliveries skip locked) as old
                                   limit ?))
                           and status in ('delivered', 'failed')""")
                .params(history, batchSize, batchSize).update());
    }

    /**
     * Digests whose period ended longer than {@code wirewatch.notify.retention.alerts} ago, like the alerts a digest
     * holds, and that no delivery in flight will read again; their items go with them, and the alerts only they held
     * can go next. A replay of such a digest's failed delivery answers that it is no longer stored.
     *
     * @return how many digests were deleted
     */
    int removeExpiredDigests() {
        var cutoff = OffsetDateTime.ofInstant(clock.instant().minus(properties.alerts()), ZoneOffset.UTC);
        int batchSize = properties.batchSize();
        return inBatches(batchSize, () -> jdbc.sql("""
                        delete from digests
                         where ctid = any(array(
                                   select old.ctid from subscriptions
                                   cross join lateral (
                                       select ctid from digests
                                        where digests.subscription_id = subscriptions.id
                                          and period_end < ?
                                          and status in ('dispatched', 'cancelled')
                                          and not exists (select 1 from deliveries
                                                           where deliveries.alert_id = 'digest:' || digests.id
                                                             and deliveries.status in ('pending', 'retrying'))
                                        limit ? for update of digests skip locked) as old
                                   limit ?))""")
                .params(cutoff, batchSize, batchSize).update());
    }

    /** Runs {@code batch} (which deletes up to {@code batchSize} rows) until it deletes fewer. */
    static int inBatches(int batchSize, IntSupplier batch) {
        int deleted = 0;
        int last;
        do {
            last = batch.getAsInt();
            deleted += last;
        } while (last == batchSize);
        return deleted;
    }
}
