package wirewatch.notify.routing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code routing_decisions}, {@code flood_keys} and {@code instant_counts} tables. Every method is meant to
 * run inside one routing transaction that first took {@link #lockSubscription}.
 */
@Repository
class RoutingStore {

    // First half of the advisory lock key, so routing's locks cannot meet another feature's.
    private static final int LOCK_SPACE = 0x52_4f_55_54; // "ROUT"

    private final JdbcClient jdbc;

    RoutingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises routing for one subscription across threads and notify instances until the transaction ends, so
     * two copies of a story routed at once cannot both find a flood key free, nor two alerts the last place under
     * the cap.
     */
    void lockSubscription(UUID subscriptionId) {
        jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_SPACE, subscriptionId.hashCode())
                .query((row, number) -> 1).single();
    }

    Optional<Route> decision(String alertId, UUID subscriptionId) {
        return jdbc.sql("select route from routing_decisions where alert_id = ? and subscription_id = ?")
                .params(alertId, subscriptionId)
                .query((row, number) -> Route.fromId(row.getString("route"))).optional();
    }

    void saveDecision(String alertId, UUID subscriptionId, Route route, Instant at) {
        jdbc.sql("insert into routing_decisions (alert_id, subscription_id, route, decided_at) values (?, ?, ?, ?)")
                .params(alertId, subscriptionId, route.id(), utc(at)).update();
    }

    Map<String, RoutingPolicy.Holder> holders(UUID subscriptionId, String clusterId, Collection<String> categories) {
        return jdbc.sql("""
                        select category, alert_id, claimed_at from flood_keys
                         where subscription_id = ? and cluster_id = ? and category = any(?::text[])""")
                .params(subscriptionId, clusterId, categories.toArray(String[]::new))
                .query((row, number) -> Map.entry(row.getString("category"), new RoutingPolicy.Holder(
                        row.getString("alert_id"), row.getObject("claimed_at", OffsetDateTime.class).toInstant())))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void claim(UUID subscriptionId, String clusterId, List<String> categories, String alertId, Instant at) {
        for (var category : categories) {
            jdbc.sql("""
                            insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                            values (?, ?, ?, ?, ?)
                            on conflict (subscription_id, cluster_id, category)
                            do update set alert_id = excluded.alert_id, claimed_at = excluded.claimed_at""")
                    .params(subscriptionId, clusterId, category, alertId, utc(at)).update();
        }
    }

    int sentInHourOf(UUID subscriptionId, Instant at) {
        return jdbc.sql("select sent from instant_counts where subscription_id = ? and hour_start = ?")
                .params(subscriptionId, utc(hourOf(at)))
                .query((row, number) -> row.getInt("sent")).optional().orElse(0);
    }

    void countInstant(UUID subscriptionId, Instant at) {
        jdbc.sql("""
                        insert into instant_counts (subscription_id, hour_start, sent) values (?, ?, 1)
                        on conflict (subscription_id, hour_start) do update set sent = instant_counts.sent + 1""")
                .params(subscriptionId, utc(hourOf(at))).update();
    }

    private static Instant hourOf(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
