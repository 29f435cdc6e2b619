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

    /**
     * What routing needs to know about a chunk's subscriptions, read in one statement after
     * {@link #lockSubscriptions}: the decisions already made about the alert, the current holders of their flood
     * keys for the alert's cluster, and the instant alerts each got in the clock hour of {@code at}.
     *
     * @param decisions earlier decisions about the alert, for those of the subscriptions that have one
     * @param holders   by subscription and category, for those that hold a key
     * @param sent      for those that got any instant alert this hour
     */
    record State(Map<UUID, Route> decisions, Map<UUID, Map<String, RoutingPolicy.Holder>> holders,
                 Map<UUID, Integer> sent) {
    }

    State state(String alertId, List<UUID> subscriptionIds, String clusterId, Collection<String> categories,
                Instant at) {
        var decisions = new HashMap<UUID, Route>();
        var holders = new HashMap<UUID, Map<String, RoutingPolicy.Holder>>();
        var sent = new HashMap<UUID, Integer>();
        // The chunk's three reads in one round trip, each branch using its table's primary key as it would alone
        // (a join to an unnested array of ids let the planner scan every flood key instead): a row per earlier
        // decision, per hourly count and per key held, told apart by its first column.
        jdbc.sql("""
                        select 'decision' as kind, subscription_id, route as category, null as alert_id,
                               null::timestamptz as claimed_at, null::integer as sent
                          from routing_decisions where alert_id = ? and subscription_id = any(?::uuid[])
                        union all
                        select 'count', subscription_id, null, null, null, sent
                          from instant_counts where subscription_id = any(?::uuid[]) and hour_start = ?
                        union all
                        select 'key', subscription_id, category, alert_id, claimed_at, null
                          from flood_keys
                         where subscription_id = any(?::uuid[]) and cluster_id = ? and category = any(?::text[])""")
                .params(alertId, ids(subscriptionIds), ids(subscriptionIds), utc(hourOf(at)), ids(subscriptionIds),
                        clusterId, categories.toArray(String[]::new))
                .query(row -> {
                    var id = row.getObject("subscription_id", UUID.class);
                    switch (row.getString("kind")) {
                        case "decision" -> decisions.put(id, Route.fromId(row.getString("category")));
                        case "count" -> sent.put(id, row.getInt("sent"));
                        default -> holders.computeIfAbsent(id, any -> new HashMap<>()).put(row.getString("category"),
                                new RoutingPolicy.Holder(row.getString("alert_id"),
                                        row.getObject("claimed_at", OffsetDateTime.class).toInstant()));
                    }
                });
        return new State(decisions, holders, sent);
    }

    /**
     * Writes a chunk's new decisions and what follows from them in one statement: the decisions, the flood keys
     * the instant ones take, and one more instant alert this hour for each of {@code instant}.
     */
    void record(String alertId, Map<UUID, Route> decided, List<Claim> claims, String clusterId,
                List<UUID> instant, Instant at) {
        var entries = List.copyOf(decided.entrySet());
        jdbc.sql("""
                        with decisions as (
                            insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                            select ?, decided.subscription_id, decided.route, ?
                              from unnest(?::uuid[], ?::text[]) as decided (subscription_id, route)),
                        claims as (
                            insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                            select claimed.subscription_id, ?, claimed.category, ?, ?
                              from unnest(?::uuid[], ?::text[]) as claimed (subscription_id, category)
                            on conflict (subscription_id, cluster_id, category)
                            do update set alert_id = excluded.alert_id, claimed_at = excluded.claimed_at)
                        insert into instant_counts (subscription_id, hour_start, sent)
                        select counted.subscription_id, ?, 1 from unnest(?::uuid[]) as counted (subscription_id)
                        on conflict (subscription_id, hour_start) do update set sent = instant_counts.sent + 1""")
                .params(alertId, utc(at), ids(entries.stream().map(Map.Entry::getKey).toList()),
                        entries.stream().map(entry -> entry.getValue().id()).toArray(String[]::new),
                        clusterId, alertId, utc(at), ids(claims.stream().map(Claim::subscriptionId).toList()),
                        claims.stream().map(Claim::category).toArray(String[]::new),
                        utc(hourOf(at)), ids(instant))
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
