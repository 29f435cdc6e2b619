package wirewatch.notify.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import wirewatch.notify.routing.RoutingRetention;

/**
 * Deletes stored alerts older than {@code wirewatch.notify.retention.alerts} that no delivery still in flight
 * (pending or retrying) needs and no digest holds: a digest is read again, alerts and all, for every retry and
 * replay of its delivery (and {@code digest_items} refers to its alerts by foreign key). Delivered and failed
 * deliveries keep their ledger rows ({@link HistoryRetention} deletes those later); a failed one whose alert is gone
 * can no longer be replayed, and says so when asked to. An alert locked by a digest taking it in is skipped, left for
 * the next run.
 */
@Component
class AlertRetention {

    private final JdbcClient jdbc;
    private final RetentionProperties properties;
    private final Clock clock;

    @Autowired
    AlertRetention(JdbcClient jdbc, RetentionProperties properties) {
        this(jdbc, properties, Clock.systemUTC());
    }

    AlertRetention(JdbcClient jdbc, RetentionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many alerts were deleted; in batches, so no statement holds many locks for long */
    int deleteExpired() {
        var cutoff = OffsetDateTime.ofInstant(clock.instant().minus(properties.alerts()), ZoneOffset.UTC);
        int batchSize = properties.batchSize();
        return RoutingRetention.inBatches(batchSize, () -> jdbc.sql("""
                            delete from alerts where id in (
                                select id from alerts
                                 where received_at < ?
                                   and not exists (select 1 from deliveries
                                                    where deliveries.alert_id = alerts.id
                                                      and deliveries.status in ('pending', 'retrying'))
                                   and not exists (select 1 from digest_items
                                                    where digest_items.alert_id = alerts.id)
                                 limit ? for update skip locked)""")
                    .params(cutoff, batchSize).update());
    }
}
