package wirewatch.notify.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.DigestSchedule;

/** The {@code digests} and {@code digest_items} tables. */
@Repository
class DigestStore {

    /** A digest row: which subscription, which period, and how far it got. */
    record Row(UUID id, UUID subscriptionId, Instant periodStart, Instant periodEnd, String status) {
    }

    private record Slot(UUID id, boolean open) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DigestStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Adds an alert to the subscription's open digest of {@code period}, or of a later period of the same
     * schedule if that one was claimed already: an alert routed just as its digest is being sent goes into the
     * next one rather than into one that has gone. The upsert locks the digest row, so a digest is never claimed
     * between finding it open and adding to it.
     */
    void add(UUID subscriptionId, DigestSchedule schedule, DigestSchedule.Period period, String alertId,
             String reason, Instant now) {
        var current = period;
        while (true) {
            var slot = jdbc.sql("""
                            insert into digests (id, subscription_id, period_start, period_end, status)
                            values (?, ?, ?, ?, 'open')
                            on conflict (subscription_id, period_end) do update set status = digests.status
                            returning id, status""")
                    .params(UUID.randomUUID(), subscriptionId, utc(current.start()), utc(current.end()))
                    .query((row, number) -> new Slot(row.getObject("id", UUID.class),
                            row.getString("status").equals("open")))
                    .single();
            if (slot.open()) {
                jdbc.sql("""
                                insert into digest_items (digest_id, alert_id, reason, added_at) values (?, ?, ?, ?)
                                on conflict (digest_id, alert_id) do nothing""")
                        .params(slot.id(), alertId, reason, utc(now)).update();
                return;
            }
            current = schedule.periodOf(current.end());
        }
    }

    /**
     * Claims up to {@code limit} digests for this instance: those due by {@code now}, and those another sender
     * claimed before {@code staleBefore} and never finished (it died). {@code skip locked} lets several instances
     * claim at once without waiting for, or taking, each other's digests.
     */
    List<Row> claimDue(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql("""
                        update digests set status = 'sending', claimed_at = ?
                         where id in (select id from digests
                                       where (status = 'open' and period_end <= ?)
                                          or (status = 'sending' and claimed_at <= ?)
                                       order by period_end
                                       limit ?
                                         for update skip locked)
                        returning *""")
                .params(utc(now), utc(now), utc(staleBefore), limit)
                .query(DigestStore::row).list();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from digests where id = ?").param(id).query(DigestStore::row).optional();
    }

    /** The digest's alerts in the order they joined it. */
    List<Alert> alerts(UUID digestId) {
        return jdbc.sql("""
                        select a.payload from digest_items i join alerts a on a.id = i.alert_id
                         where i.digest_id = ? order by i.added_at, i.alert_id""")
                .param(digestId)
                .query((row, number) -> json.readValue(row.getString("payload"), Alert.class)).list();
    }

    /** The first attempt of its delivery is made; retries are the ledger's business from here. */
    void markDispatched(UUID id, Instant at) {
        jdbc.sql("update digests set status = 'dispatched', dispatched_at = ? where id = ? and status = 'sending'")
                .params(utc(at), id).update();
    }

    void markCancelled(UUID id) {
        jdbc.sql("update digests set status = 'cancelled' where id = ? and status = 'sending'").param(id).update();
    }

    /** Alerts waiting in digests not yet sent. */
    long backlog() {
        return jdbc.sql("""
                        select count(*) from digest_items i join digests d on d.id = i.digest_id
                         where d.status in ('open', 'sending')""")
                .query(Long.class).single();
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(row.getObject("id", UUID.class), row.getObject("subscription_id", UUID.class),
                row.getObject("period_start", OffsetDateTime.class).toInstant(),
                row.getObject("period_end", OffsetDateTime.class).toInstant(), row.getString("status"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
