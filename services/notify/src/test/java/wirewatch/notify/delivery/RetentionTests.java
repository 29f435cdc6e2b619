package wirewatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.notify.MutableClock;
import wirewatch.notify.TestDatabases;
import wirewatch.notify.routing.FloodProperties;
import wirewatch.notify.routing.RoutingRetention;

/** A whole run, against a real PostgreSQL: each table's step, in an order where one step frees the next. */
class RetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:30:00Z");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final MutableClock clock = new MutableClock(NOW);
    private final RetentionProperties properties =
            new RetentionProperties(Duration.ofDays(14), Duration.ofDays(14), Duration.ofHours(1), 2);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Retention retention = new Retention(
            new RoutingRetention(jdbc, new FloodProperties(Duration.ofHours(24), 20), clock),
            new HistoryRetention(jdbc, properties, clock), new AlertRetention(jdbc, properties, clock), properties,
            clock, meters);
    private final UUID subscription = UUID.randomUUID();

    @Test
    void removesWhatEachTableNoLongerNeedsAndCountsItByTable() {
        subscribe();
        var old = NOW.minus(Duration.ofDays(15));
        jdbc.sql("""
                        insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                        values (?, 'cluster-old', 'CEASEFIRE', 'alert-old', ?), (?, 'cluster-new', 'CEASEFIRE',
                                'alert-new', ?)""")
                .params(subscription, utc(NOW.minus(Duration.ofHours(25))), subscription,
                        utc(NOW.minus(Duration.ofHours(1))))
                .update();
        jdbc.sql("insert into instant_counts (subscription_id, hour_start, sent) values (?, ?, 1), (?, ?, 1)")
                .params(subscription, utc(Instant.parse("2026-11-24T10:00:00Z")), subscription,
                        utc(Instant.parse("2026-11-24T12:00:00Z")))
                .update();
        jdbc.sql("""
                        insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                        values ('alert-old', ?, 'digest', ?), ('alert-new', ?, 'instant', ?)""")
                .params(subscription, utc(old), subscription, utc(NOW.minus(Duration.ofHours(1)))).update();
        // an old digest, sent, held the only reference to an old alert: both go in one run
        var digest = UUID.randomUUID();
        jdbc.sql("""
                        insert into digests (id, subscription_id, period_start, period_end, status, claimed_at,
                                             dispatched_at)
                        values (?, ?, ?, ?, 'dispatched', ?, ?)""")
                .params(digest, subscription, utc(old.minus(Duration.ofHours(1))), utc(old), utc(old), utc(old))
                .update();
        // Alerts age on the application's clock, ledger rows (below) on the database's: each row in its own.
        jdbc.sql("insert into alerts (id, payload, received_at) values ('alert-old', '{}'::jsonb, ?)")
                .params(utc(old)).update();
        jdbc.sql("insert into digest_items (digest_id, alert_id, reason, added_at) values (?, 'alert-old', 'digest', ?)")
                .params(digest, utc(old)).update();
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status, created_at)
                        values (?, ?, ?, 'webhook', 'delivered', now() - interval '15 days'),
                               (?, 'alert-new', ?, 'webhook', 'delivered', now() - interval '1 hour')""")
                .params(UUID.randomUUID(), "digest:" + digest, subscription, UUID.randomUUID(), subscription)
                .update();

        retention.run();

        assertThat(jdbc.sql("select cluster_id from flood_keys").query(String.class).list())
                .containsExactly("cluster-new");
        assertThat(jdbc.sql("select count(*) from instant_counts").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select alert_id from routing_decisions").query(String.class).list())
                .containsExactly("alert-new");
        assertThat(jdbc.sql("select alert_id from deliveries").query(String.class).list())
                .containsExactly("alert-new");
        assertThat(jdbc.sql("select count(*) from digests").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from alerts").query(Integer.class).single()).isZero();
        assertThat(removed("flood_keys")).isEqualTo(1);
        assertThat(removed("instant_counts")).isEqualTo(1);
        assertThat(removed("routing_decisions")).isEqualTo(1);
        assertThat(removed("deliveries")).isEqualTo(1);
        assertThat(removed("digests")).isEqualTo(1);
        assertThat(removed("alerts")).isEqualTo(1);

        retention.run();

        assertThat(removed("flood_keys") + removed("instant_counts") + removed("routing_decisions")
                + removed("deliveries") + removed("digests") + removed("alerts")).isEqualTo(6);
    }

    private double removed(String table) {
        return meters.get("wirewatch.notify.retention.removed").tag("table", table).counter().count();
    }

    private void subscribe() {
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', 'https://hooks.example.org/a', '{CEASEFIRE}', 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'token', now())""")
                .param(subscription).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
