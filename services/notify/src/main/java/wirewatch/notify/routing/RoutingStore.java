package wirewatch.notify.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code routing_decisions}, {@code flood_keys} and {@code instant_counts} tables, read together in one
 * statement and written together in another for all the subscriptions of a routing chunk at once, so routing a
 * chunk costs three round trips (locks, state, record) besides its transaction's own. Every method is meant to run
 * inside one routing transaction that first took {@link #lockSubscriptions}.
 */
@Repository
class RoutingStore {

    // First half of the advisory lock key, so routing's locks cannot meet another feature's.
    private static final int LOCK_SPACE = 0x52_4f_55_54; // "ROUT"

    private final JdbcClient jdbc;

    RoutingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscription's flood key: one per story cluster and category. */
    record Key(UUID subscriptionId, String clusterId, String category) {
    }

    /** Which decision: about this alert, for this subscription. */
    record Decided(String alertId, UUID subscriptionId) {
    }

    /** A routing decision to record. */
    record Decision(String alertId, UUID subscriptionId, Route route) {
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

    /**
     * What routing needs to know about a chunk's subscriptions, read in one statement after
     * {@link #lockSubscriptions}: the decisions already made about the alerts, the current holders of their flood
     * keys for the alerts' clusters, and the instant alerts each got in the clock hour of {@code at}.
     *
     * @param decisions earlier decisions about the alerts, for those of the subscriptions that have one
     * @param holders   by flood key, for the keys held
     * @param sent      for the subscriptions that got any instant alert this hour
     */
    record State(Map<Decided, Route> decisions, Map<Key, RoutingPolicy.Holder> holders, Map<UUID, Integer> sent) {
    }

    State state(List<String> alertIds, List<UUID> subscriptionIds, List<String> clusterIds,
                Collection<String> categories, Instant at) {
        var decisions = new HashMap<Decided, Route>();
        var holders = new HashMap<Key, RoutingPolicy.Holder>();
        var sent = new HashMap<UUID, Integer>();
        // The chunk's three reads in one round trip, each branch using its table's primary key as it would alone
        // (a join to an unnested array of ids let the planner scan every flood key instead): a row per earlier
        // decision, per hourly count and per key held, told apart by its first column.
        jdbc.sql("""
                        select 'decision' as kind, subscription_id, route as category, alert_id,
                               null as cluster_id, null::timestamptz as claimed_at, null::integer as sent
                          from routing_decisions where alert_id = any(?::text[]) and subscription_id = any(?::uuid[])
                        union all
                        select 'count', subscription_id, null, null, null, null, sent
                          from instant_counts where subscription_id = any(?::uuid[]) and hour_start = ?
                        union all
                        select 'key', subscription_id, category, alert_id, cluster_id, claimed_at, null
                          from flood_keys
                         where subscription_id = any(?::uuid[]) and cluster_id = any(?::text[])
                           and category = any(?::text[])""")
                .params(alertIds.toArray(String[]::new), ids(subscriptionIds), ids(subscriptionIds), utc(hourOf(at)),
                        ids(subscriptionIds), clusterIds.toArray(String[]::new), categories.toArray(String[]::new))
                .query(row -> {
                    var id = row.getObject("subscription_id", UUID.class);
                    switch (row.getString("kind")) {
                        case "decision" -> decisions.put(new Decided(row.getString("alert_id"), id),
                                Route.fromId(row.getString("category")));
                        case "count" -> sent.put(id, row.getInt("sent"));
                        default -> holders.put(new Key(id, row.getString("cluster_id"), row.getString("category")),
                                new RoutingPolicy.Holder(row.getString("alert_id"),
                                        row.getObject("claimed_at", OffsetDateTime.class).toInstant()));
                    }
                });
        return new State(decisions, holders, sent);
    }

    /**
     * Writes a chunk's new decisions and what follows from them in one statement: the decisions, the flood keys
     * the instant ones take (each key once, by the alert that took it last), and the instant alerts each
     * subscription got this hour.
     */
    void record(List<Decision> decisions, Map<Key, String> claims, Map<UUID, Integer> instant, Instant at) {
        var keys = List.copyOf(claims.keySet());
        var counted = List.copyOf(instant.entrySet());
        jdbc.sql("""
                        with decisions as (
                            insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                            select decided.alert_id, decided.subscription_id, decided.route, ?
                              from unnest(?::text[], ?::uuid[], ?::text[]) as decided (alert_id, subscription_id, route)),
                        claims as (
                            insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                            select claimed.subscription_id, claimed.cluster_id, claimed.category, claimed.alert_id, ?
                              from unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                                   as claimed (subscription_id, cluster_id, category, alert_id)
                            on conflict (subscription_id, cluster_id, category)
                            do update set alert_id = excluded.alert_id, claimed_at = excluded.claimed_at)
                        insert into instant_counts (subscription_id, hour_start, sent)
                        select counted.subscription_id, ?, counted.sent
                          from unnest(?::uuid[], ?::int[]) as counted (subscription_id, sent)
                        on conflict (subscription_id, hour_start) do update set sent = instant_counts.sent + excluded.sent""")
                .params(utc(at),
                        decisions.stream().map(Decision::alertId).toArray(String[]::new),
                        ids(decisions.stream().map(Decision::subscriptionId).toList()),
                        decisions.stream().map(decision -> decision.route().id()).toArray(String[]::new),
                        utc(at),
                        ids(keys.stream().map(Key::subscriptionId).toList()),
                        keys.stream().map(Key::clusterId).toArray(String[]::new),
                        keys.stream().map(Key::category).toArray(String[]::new),
                        keys.stream().map(claims::get).toArray(String[]::new),
                        utc(hourOf(at)),
                        ids(counted.stream().map(Map.Entry::getKey).toList()),
                        counted.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
                .update();
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
