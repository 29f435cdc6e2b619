package wirewatch.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.notify.routing.SuppressedCopies;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/**
 * The {@code deliveries} table: what was sent to whom, and how it went. Every attempt first claims its delivery
 * (a first attempt by inserting it, a retry with a conditional update), leaving it {@code pending} until the attempt
 * is recorded, so a re-read alert, a redelivered retry record and a replay never send the same delivery twice at
 * the same time, and an attempt that died with its process is found and made again under the same id.
 */
@Repository
class DeliveryLedger implements SuppressedCopies {

    private static final int LONGEST_ERROR = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryLedger(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records and claims, in one statement, a pending delivery of {@code alertId} to each of {@code subscriptions}
     * that has none yet, and answers those, by subscription id. A subscription missing from the answer already had
     * its delivery: it is delivered, or someone else's (another consumer's, a retry's, the recovery's) to send.
     */
    Map<UUID, Delivery> claimNew(String alertId, List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        return claimed(jdbc.sql(CLAIM_NEW).params(alertId, ids(subscriptions), channels(subscriptions)));
    }

    /**
     * {@link #claimNew(String, List)} for the alerts of a poll, each stored in the same statement (the first copy is
     * kept): one round trip for the poll instead of two for each alert on its way to its first send. Answers the
     * claimed deliveries by alert id, then subscription id; each alert id counts once, with the subscriptions of its
     * first occurrence.
     */
    Map<String, Map<UUID, Delivery>> claimNew(List<Alert> alerts, List<List<Subscription>> recipients) {
        var alertIds = new ArrayList<String>();
        var payloads = new ArrayList<String>();
        var reachedAlerts = new ArrayList<String>();
        var reached = new ArrayList<Subscription>();
        var seen = new HashSet<String>();
        for (int index = 0; index < alerts.size(); index++) {
            var alert = alerts.get(index);
            if (recipients.get(index).isEmpty() || !seen.add(alert.id())) {
                continue;
            }
            alertIds.add(alert.id());
            payloads.add(json.writeValueAsString(alert));
            for (var subscription : recipients.get(index)) {
                reachedAlerts.add(alert.id());
                reached.add(subscription);
            }
        }
        if (reached.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        with saved as (
                            insert into alerts (id, payload)
                            select saved.id, saved.payload::jsonb from unnest(?::text[], ?::text[]) as saved (id, payload)
                            on conflict (id) do nothing)
                        insert into deliveries (id, alert_id, subscription_id, channel, status, attempts, last_attempt_at)
                        select gen_random_uuid(), reached.alert_id, reached.id, reached.channel, 'pending', 1, now()
                          from unnest(?::text[], ?::uuid[], ?::text[]) as reached (alert_id, id, channel)
                        on conflict (alert_id, subscription_id) do nothing
                        returning id, alert_id, subscription_id, channel, created_at""")
                .params(alertIds.toArray(String[]::new), payloads.toArray(String[]::new),
                        reachedAlerts.toArray(String[]::new), ids(reached), channels(reached))
                .query(DeliveryLedger::claimedRow).list().stream()
                .collect(Collectors.groupingBy(Delivery::alertId,
                        Collectors.toMap(Delivery::subscriptionId, Function.identity())));
    }

    private static final String CLAIM_NEW = """
            insert into deliveries (id, alert_id, subscription_id, channel, status, attempts, last_attempt_at)
            select gen_random_uuid(), ?, reached.id, reached.channel, 'pending', 1, now()
              from unnest(?::uuid[], ?::text[]) as reached (id, channel)
            on conflict (alert_id, subscription_id) do nothing
            returning id, alert_id, subscription_id, channel, created_at""";

    /**
     * The rest of a claimed row is known without reading it back: pending, one attempt, begun when it was created
     * ({@code now()} is the statement's time). Ten thousand rows of all thirteen columns per alert cost more to send
     * and to read than the claim itself.
     */
    private static Map<UUID, Delivery> claimed(JdbcClient.StatementSpec claim) {
        return claim.query(DeliveryLedger::claimedRow).list().stream()
                .collect(Collectors.toMap(Delivery::subscriptionId, Function.identity()));
    }

    private static Delivery claimedRow(ResultSet row, int number) throws SQLException {
        var createdAt = instant(row, "created_at");
        return new Delivery(row.getObject("id", UUID.class), row.getString("alert_id"),
                row.getObject("subscription_id", UUID.class), channel(row), DeliveryStatus.PENDING, 1, null,
                null, null, createdAt, createdAt, null, null);
    }

    private static String[] ids(List<Subscription> subscriptions) {
        return subscriptions.stream().map(subscription -> subscription.id().toString()).toArray(String[]::new);
    }

    private static String[] channels(List<Subscription> subscriptions) {
        return subscriptions.stream().map(subscription -> subscription.channel().id()).toArray(String[]::new);
    }

    /**
     * Claims up to {@code limit} pending deliveries whose attempt began more than {@code claimTimeout} ago: the
     * process making it died (or lost the database) before recording how it went. Rows another instance is
     * claiming at the same moment are skipped, so each is claimed once.
     */
    List<Delivery> claimAbandoned(Duration claimTimeout, int limit) {
        return jdbc.sql("""
                        update deliveries set attempts = attempts + 1, last_attempt_at = now()
                         where id in (select id from deliveries
                                       where status = 'pending'
                                         and coalesce(last_attempt_at, created_at) < now() - make_interval(secs => ?)
                                       order by last_attempt_at
                                       limit ?
                                         for update skip locked)
                        returning *""")
                .params(claimTimeout.toMillis() / 1000.0, limit)
                .query(DeliveryLedger::delivery).list();
    }

    /** A suppressed copy is a delivery too, one that is final at once and never sent. */
    @Override
    public void record(String alertId, List<Copy> copies) {
        if (copies.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status, suppressed_by_alert)
                        select gen_random_uuid(), ?, copy.subscription_id, copy.channel, 'suppressed', copy.by_alert
                          from unnest(?::uuid[], ?::text[], ?::text[]) as copy (subscription_id, channel, by_alert)
                        on conflict (alert_id, subscription_id) do nothing""")
                .params(alertId,
                        copies.stream().map(copy -> copy.subscription().id().toString()).toArray(String[]::new),
                        copies.stream().map(copy -> copy.subscription().channel().id()).toArray(String[]::new),
                        copies.stream().map(Copy::suppressedBy).toArray(String[]::new))
                .update();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select * from deliveries where id = ?").param(id).query(DeliveryLedger::delivery).optional();
    }

    /**
     * Claims the attempt that retry record {@code retryId} stands for; {@code false} when the record is stale. The
     * delivery becomes pending, its retry id spent: the same record read again (redelivered after a rebalance or
     * a crash) finds nothing to claim, and an attempt that dies with its process is recovered like a first one.
     */
    boolean claimRetry(UUID id, UUID retryId) {
        return jdbc.sql("""
                        update deliveries
                           set status = 'pending', retry_id = null, next_attempt_at = null, attempts = attempts + 1,
                               last_attempt_at = now()
                         where id = ? and status = 'retrying' and retry_id = ?""")
                .params(id, retryId).update() > 0;
    }

    /**
     * One statement for many deliveries, so recording successes keeps up with sending them. It also ends the run of
     * failures of their subscriptions ({@code failing_since}, which {@code SubscriptionStore} otherwise keeps): a
     * second statement would be a second round trip that every successful send waits for.
     */
    void markDelivered(Collection<UUID> ids, Collection<UUID> subscriptionIds) {
        jdbc.sql("""
                        with delivered as (
                            update deliveries
                               set status = 'delivered', last_error = null, retry_id = null, next_attempt_at = null,
                                   delivered_at = now()
                             where id = any(?::uuid[]))
                        update subscriptions set failing_since = null
                         where id = any(?::uuid[]) and failing_since is not null""")
                .params(ids.stream().map(UUID::toString).toArray(String[]::new),
                        subscriptionIds.stream().map(UUID::toString).toArray(String[]::new))
                .update();
    }

    void markRetrying(UUID id, String error, UUID retryId, Instant nextAttemptAt) {
        jdbc.sql("""
                        update deliveries set status = 'retrying', last_error = ?, retry_id = ?, next_attempt_at = ?
                         where id = ?""")
                .params(bounded(error), retryId, utc(nextAttemptAt), id).update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("""
                        update deliveries set status = 'failed', last_error = ?, retry_id = null, next_attempt_at = null
                         where id = ?""")
                .params(bounded(error), id).update();
    }

    /** Turns a failed delivery into one waiting for retry {@code retryId} now; empty when it was not failed. */
    Optional<Delivery> reopen(UUID id, UUID retryId) {
        return jdbc.sql("""
                        update deliveries set status = 'retrying', retry_id = ?, next_attempt_at = now()
                         where id = ? and status = 'failed'
                        returning *""")
                .params(retryId, id).query(DeliveryLedger::delivery).optional();
    }

    /** Back to failed, when the replay record {@code retryId} could not be written. */
    void undoReopen(UUID id, UUID retryId) {
        jdbc.sql("""
                        update deliveries set status = 'failed', retry_id = null, next_attempt_at = null
                         where id = ? and retry_id = ?""")
                .params(id, retryId).update();
    }

    /** {@link #reopen} for every failed delivery of a subscription created at or after {@code since}. */
    List<Delivery> reopenFailedSince(UUID subscriptionId, Instant since) {
        return jdbc.sql("""
                        update deliveries set status = 'retrying', retry_id = gen_random_uuid(), next_attempt_at = now()
                         where subscription_id = ? and status = 'failed' and created_at >= ?
                        returning *""")
                .params(subscriptionId, utc(since)).query(DeliveryLedger::delivery).list();
    }

    /** The newest {@code limit} deliveries of a subscription, newest first. */
    List<Delivery> history(UUID subscriptionId, int limit) {
        return jdbc.sql("select * from deliveries where subscription_id = ? order by created_at desc, id limit ?")
                .params(subscriptionId, limit)
                .query(DeliveryLedger::delivery).list();
    }

    /** The ids of the deliveries of {@code alertIds} to a subscription, by alert id. */
    Map<String, UUID> idsOf(UUID subscriptionId, Collection<String> alertIds) {
        return jdbc.sql("select alert_id, id from deliveries where subscription_id = ? and alert_id = any(?::text[])")
                .params(subscriptionId, alertIds.toArray(String[]::new))
                .query((row, number) -> Map.entry(row.getString("alert_id"), row.getObject("id", UUID.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String bounded(String error) {
        return error.length() > LONGEST_ERROR ? error.substring(0, LONGEST_ERROR) + "…" : error;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
        return new Delivery(
                row.getObject("id", UUID.class),
                row.getString("alert_id"),
                row.getObject("subscription_id", UUID.class),
                channel(row),
                DeliveryStatus.fromId(row.getString("status")),
                row.getInt("attempts"),
                row.getString("last_error"),
                row.getObject("retry_id", UUID.class),
                instant(row, "next_attempt_at"),
                instant(row, "last_attempt_at"),
                instant(row, "created_at"),
                instant(row, "delivered_at"),
                row.getString("suppressed_by_alert"));
    }

    private static Channel channel(ResultSet row) throws SQLException {
        return Channel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
