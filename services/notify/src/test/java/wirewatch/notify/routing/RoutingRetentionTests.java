package wirewatch.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.notify.MutableClock;
import wirewatch.notify.TestDatabases;

/** Routing state against a real PostgreSQL, with a 24 h flood window, at 12:30 UTC. */
class RoutingRetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:30:00Z");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final MutableClock clock = new MutableClock(NOW);
    private final RoutingRetention retention = new RoutingRetention(jdbc,
            new FloodProperties(Duration.ofHours(24), 20), clock);
    private final UUID subscription = subscribe();

    @Test
    void removesFloodKeysOnlyOnceTheirWindowHasPassed() {
        floodKey("cluster-two-days-ago", "2026-11-22T12:30:00Z");
        floodKey("cluster-a-second-too-long-ago", "2026-11-23T12:29:59Z");
        floodKey("cluster-a-minute-inside-the-window", "2026-11-23T12:31:00Z");
        floodKey("cluster-just-now", "2026-11-24T12:29:00Z");

        assertThat(retention.removeExpiredFloodKeys(5000)).isEqualTo(2);

        assertThat(clusters()).containsExactly("cluster-a-minute-inside-the-window", "cluster-just-now");
    }

    @Test
    void removesTheHourlyCountsOfHoursBeforeThePreviousOne() {
        hourlyCount("2026-11-24T09:00:00Z");
        hourlyCount("2026-11-24T10:00:00Z");
        hourlyCount("2026-11-24T11:00:00Z");
        hourlyCount("2026-11-24T12:00:00Z");

        assertThat(retention.removePastHourlyCounts(5000)).isEqualTo(2);

        assertThat(jdbc.sql("select hour_start from instant_counts order by hour_start")
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant).containsExactly(
                Instant.parse("2026-11-24T11:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void removesTheDecisionsMadeBeforeTheCutoff() {
        decision("alert-15-days-old", "2026-11-09T12:30:00Z");
        decision("alert-a-second-too-old", "2026-11-10T12:29:59Z");
        decision("alert-13-days-old", "2026-11-11T12:30:00Z");

        assertThat(retention.removeDecisionsBefore(Instant.parse("2026-11-10T12:30:00Z"), 5000)).isEqualTo(2);

        assertThat(jdbc.sql("select alert_id from routing_decisions").query(String.class).list())
                .containsExactly("alert-13-days-old");
    }

    @Test
    void deletesABacklogInBatchesUntilNoneIsLeft() {
        for (int day = 2; day <= 8; day++) {
            floodKey("cluster-" + day + "-days-ago", NOW.minus(Duration.ofDays(day)).toString());
        }
        floodKey("cluster-fresh", "2026-11-24T12:00:00Z");

        assertThat(retention.removeExpiredFloodKeys(2)).isEqualTo(7);

        assertThat(clusters()).containsExactly("cluster-fresh");
    }

    @Test
    void followsTheClockRoutingGoesBy() {
        floodKey("cluster-claimed-now", "2026-11-24T12:30:00Z");
        assertThat(retention.removeExpiredFloodKeys(5000)).isZero();

        clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(retention.removeExpiredFloodKeys(5000)).isEqualTo(1);
        assertThat(clusters()).isEmpty();
    }

    private List<String> clusters() {
        return jdbc.sql("select cluster_id from flood_keys order by claimed_at").query(String.class).list();
    }

    private UUID subscribe() {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', 'https://hooks.example.org/a', '{CEASEFIRE}', 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'token', now())""")
                .param(id).update();
        return id;
    }

    private void floodKey(String cluster, String claimedAt) {
        jdbc.sql("""
                        insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                        values (?, ?, 'CEASEFIRE', ?, ?)""")
                .params(subscription, cluster, "alert-of-" + cluster, utc(claimedAt)).update();
    }

    private void hourlyCount(String hourStart) {
        jdbc.sql("insert into instant_counts (subscription_id, hour_start, sent) values (?, ?, 3)")
                .params(subscription, utc(hourStart)).update();
    }

    private void decision(String alertId, String decidedAt) {
        jdbc.sql("""
                        insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                        values (?, ?, 'instant', ?)""")
                .params(alertId, subscription, utc(decidedAt)).update();
    }

    private static OffsetDateTime utc(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }
}
