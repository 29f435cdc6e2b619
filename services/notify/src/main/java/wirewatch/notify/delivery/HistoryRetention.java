package wirewatch.notify.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import wirewatch.notify.routing.RoutingRetention;

/**
 * Deletes the delivery history older than {@code wirewatch.notify.retention.history} and the digests no delivery can
 * send again, in batches that lock what they delete with {@code skip locked} (so instances running this at once take
 * different rows, and never wait for a delivery being recorded).
 *
 * <p>Only final ledger rows go (delivered, failed, suppressed); a delivery still in flight stays, whatever its age.
 * A suppressed copy names the delivery it repeated, which the history shows beside it, so a delivery stays as long
 * as one of its copies does: copies go first, and a delivery only once none is left.
 *
 * <p>The ledger is read by subscription, through {@code deliveries_by_subscription} (digests through
 * {@code digests_one_per_period}): an index on {@code created_at} alone would cost every delivery an index entry on
 * insert and another when it is recorded, on the hottest table, to serve an hourly job.
 */
@Component
class HistoryRetention {

    private static final int SUBSCRIPTIONS_PER_PAGE = 1000;

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
        return forEachPageOfSubscriptions(page -> RoutingRetention.inBatches(batchSize, () -> jdbc.sql("""
                        delete from deliveries
                         where ctid = any(array(
                                   select ctid from deliveries
                                    where subscription_id = any(?::uuid[])
                                      and created_at < now() - make_interval(secs => ?)
                                      and status = 'suppressed'
                                    limit ? for update skip locked))""")
                .params(page, history, batchSize).update())
                + RoutingRetention.inBatches(batchSize, () -> jdbc.sql("""
                        delete from deliveries
                         where ctid = any(array(
                                   select ctid from deliveries
                                    where subscription_id = any(?::uuid[])
                                      and created_at < now() - make_interval(secs => ?)
                                      and status in ('delivered', 'failed')
                                      and not exists (select 1 from deliveries as copy
                                                       where copy.subscription_id = deliveries.subscription_id
                                                         and copy.suppressed_by_alert = deliveries.alert_id
                                                         and copy.status = 'suppressed')
                                    limit ? for update of deliveries skip locked))
                           and status in ('delivered', 'failed')""")
                .params(page, history, batchSize).update()));
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
        return forEachPageOfSubscriptions(page -> RoutingRetention.inBatches(batchSize, () -> jdbc.sql("""
                        delete from digests
                         where ctid = any(array(
                                   select ctid from digests
                                    where subscription_id = any(?::uuid[])
                                      and period_end < ?
                                      and status in ('dispatched', 'cancelled')
                                      and not exists (select 1 from deliveries
                                                       where deliveries.alert_id = 'digest:' || digests.id
                                                         and deliveries.subscription_id = digests.subscription_id
                                                         and deliveries.status in ('pending', 'retrying'))
                                    limit ? for update of digests skip locked))""")
                .params(page, cutoff, batchSize).update()));
    }

    /**
     * Runs {@code step} for every subscription, a page of them at a time, in id order. A page's rows are found
     * through the index on {@code subscription_id}, whose entries for rows deleted a moment ago stay until vacuum:
     * going page by page, each batch passes only its own page's, not every page's before it (a backlog of a million
     * ledger rows took 81 s with all subscriptions in every batch).
     */
    private int forEachPageOfSubscriptions(ToIntFunction<String[]> step) {
        int deleted = 0;
        var after = new UUID(0, 0);
        List<UUID> page;
        do {
            page = jdbc.sql("select id from subscriptions where id > ? order by id limit ?")
                    .params(after, SUBSCRIPTIONS_PER_PAGE).query(UUID.class).list();
            if (!page.isEmpty()) {
                deleted += step.applyAsInt(page.stream().map(UUID::toString).toArray(String[]::new));
                after = page.getLast();
            }
        } while (page.size() == SUBSCRIPTIONS_PER_PAGE);
        return deleted;
    }
}
