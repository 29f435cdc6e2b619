package wirewatch.notify.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code routing_decisions}, {@code flood_keys} and {@code instant_counts} tables, each read or written for all
 * the subscriptions of a routing chunk at once. Every method is meant to run inside one routing transaction that
 * first took {@link #lockSubscriptions}.
 */
@Repository
class RoutingStore {

    // First half of the advisory lock key, so routing's locks cannot meet another feature's.
    private static final int LOCK_SPACE = 0x52_4f_55_54; // "ROUT"

    private final JdbcClient jdbc;

    RoutingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One flood key an instant alert takes: the subscription's key for a category of the alert's cluster. */
    record Claim(UUID subscriptionId, String category) {
    }

    /** The second half of a subscription's advisory lock key; routing takes its locks in the order of this key. */
    static int lockKey(UUID subscriptionId) {
        return subscriptionId.hashCode();
    }

    /**
     * Serialises routing for these subscriptions across threads and notify instances until the transaction ends,
     * so two copies of a story routed at once cannot both find a flood key free, nor two alerts the last place
     * under the cap. The locks are taken in ascending key order, which the caller's chunks also follow.
     */
    void lockSubscriptions(List<UUID> subscriptionIds) {
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(?, locked.key))
                          from (select distinct key from unnest(?::int[]) as wanted (key) order by key) as locked""")
                .params(LOCK_SPACE, subscriptionIds.stream().map(RoutingStore::lockKey).toArray(Integer[]::new))
                .query(Long.class).single();
    }

    /** Earlier decisions about the alert, for those of the subscriptions that have one. */
    Map<UUID, Route> decisions(String alertId, List<UUID> subscriptionIds) {
        return jdbc.sql("""
                        select subscription_id, route from routing_decisions
                         where alert_id = ? and subscription_id = any(?::uuid[])""")
                .params(alertId, ids(subscriptionIds))
                .query((row, number) -> Map.entry(row.getObject("subscription_id", UUID.class),
                        Route.fromId(row.getString("route"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void saveDecisions(String alertId, Map<UUID, Route> routes, Instant at) {
        var entries = List.copyOf(routes.entrySet());
        jdbc.sql("""
                        insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                        select ?, decided.subscription_id, decided.route, ?
                          from unnest(?::uuid[], ?::text[]) as decided (subscription_id, route)""")
                .params(alertId, utc(at), ids(entries.stream().map(Map.Entry::getKey).toList()),
                        entries.stream().map(entry -> entry.getValue().id()).toArray(String[]::new))
                .update();
    }

    /** The current holders of the subscriptions' keys for the cluster, by subscription and category. */
    Map<UUID, Map<String, RoutingPolicy.Holder>> holders(List<UUID> subscriptionIds, String clusterId,
                                                         Collection<String> categories) {
        record Row(UUID subscriptionId, String category, RoutingPolicy.Holder holder) {
        }
        return jdbc.sql("""
                        select subscription_id, category, alert_id, claimed_at from flood_keys
                         where subscription_id = any(?::uuid[]) and cluster_id = ? and category = any(?::text[])""")
                .params(ids(subscriptionIds), clusterId, categories.toArray(String[]::new))
                .query((row, number) -> new Row(row.getObject("subscription_id", UUID.class),
                        row.getString("category"), new RoutingPolicy.Holder(row.getString("alert_id"),
                        row.getObject("claimed_at", OffsetDateTime.class).toInstant())))
                .list().stream().collect(Collectors.groupingBy(Row::subscriptionId,
                        Collectors.toMap(Row::category, Row::holder)));
    }

    void claim(List<Claim> claims, String clusterId, String alertId, Instant at) {
        if (claims.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                        select claimed.subscription_id, ?, claimed.category, ?, ?
                          from unnest(?::uuid[], ?::text[]) as claimed (subscription_id, category)
                        on conflict (subscription_id, cluster_id, category)
                        do update set alert_id = excluded.alert_id, claimed_at = excluded.claimed_at""")
                .params(clusterId, alertId, utc(at), ids(claims.stream().map(Claim::subscriptionId).toList()),
                        claims.stream().map(Claim::category).toArray(String[]::new))
                .update();
    }

    /** Instant alerts each subscription got in the clock hour of {@code at}, for those that got any. */
    Map<UUID, Integer> sentInHourOf(List<UUID> subscriptionIds, Instant at) {
        return jdbc.sql("""
                        select subscription_id, sent from instant_counts
                         where subscription_id = any(?::uuid[]) and hour_start = ?""")
                .params(ids(subscriptionIds), utc(hourOf(at)))
                .query((row, number) -> Map.entry(row.getObject("subscription_id", UUID.class), row.getInt("sent")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void countInstant(List<UUID> subscriptionIds, Instant at) {
        if (subscriptionIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into instant_counts (subscription_id, hour_start, sent)
                        select counted.subscription_id, ?, 1 from unnest(?::uuid[]) as counted (subscription_id)
                        on conflict (subscription_id, hour_start) do update set sent = instant_counts.sent + 1""")
                .params(utc(hourOf(at)), ids(subscriptionIds)).update();
    }

    private static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
