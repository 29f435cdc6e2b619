package wirewatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.notify.MutableClock;
import wirewatch.notify.TestDatabases;

class AlertRetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final AlertRetention retention = new AlertRetention(jdbc,
            new RetentionProperties(Duration.ofDays(14), Duration.ofDays(14), Duration.ofHours(1), 5000), new MutableClock(NOW));
    private final UUID subscription = UUID.randomUUID();

    @Test
    void deletesOldAlertsThatNoDeliveryInFlightNeeds() {
        subscribe();
        var old = NOW.minus(Duration.ofDays(15));
        alert("old-no-deliveries", old);
        alert("old-delivered", old, "delivered");
        alert("old-failed", old, "failed");
        alert("old-pending", old, "pending");
        alert("old-retrying", old, "retrying");
        alert("recent-delivered", NOW.minus(Duration.ofDays(13)), "delivered");

        assertThat(retention.deleteExpired()).isEqualTo(3);

        assertThat(jdbc.sql("select id from alerts order by id").query(String.class).list())
                .containsExactly("old-pending", "old-retrying", "recent-delivered");
        assertThat(jdbc.sql("select count(*) from deliveries").query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void keepsOldAlertsThatADigestHolds() {
        subscribe();
        var old = NOW.minus(Duration.ofDays(15));
        alert("old-in-digest", old);
        alert("old-overflowed-into-digest", old);
        alert("old-alone", old);
        var digest = UUID.randomUUID();
        jdbc.sql("""
                        insert into digests (id, subscription_id, period_start, period_end, status, claimed_at,
                                             dispatched_at)
                        values (?, ?, ?, ?, 'dispatched', ?, ?)""")
                .params(digest, subscription, utc(old.minus(Duration.ofHours(1))), utc(old.plusSeconds(60)),
                        utc(old.plusSeconds(61)), utc(old.plusSeconds(62)))
                .update();
        digestItem(digest, "old-in-digest", "digest");
        digestItem(digest, "old-overflowed-into-digest", "overflow");

        assertThat(retention.deleteExpired()).isEqualTo(1);

        assertThat(jdbc.sql("select id from alerts order by id").query(String.class).list())
                .containsExactly("old-in-digest", "old-overflowed-into-digest");
    }

    private void subscribe() {
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', 'https://hooks.example.org/a', '{CEASEFIRE}', 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'token', now())""")
                .param(subscription).update();
    }

    private void digestItem(UUID digest, String alertId, String reason) {
        jdbc.sql("insert into digest_items (digest_id, alert_id, reason, added_at) values (?, ?, ?, ?)")
                .params(digest, alertId, reason, utc(NOW.minus(Duration.ofDays(15)))).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void alert(String id, Instant receivedAt, String... deliveryStatuses) {
        jdbc.sql("insert into alerts (id, payload, received_at) values (?, '{}'::jsonb, ?)")
                .params(id, utc(receivedAt)).update();
        for (var status : deliveryStatuses) {
            jdbc.sql("""
                            insert into deliveries (id, alert_id, subscription_id, channel, status, retry_id)
                            values (?, ?, ?, 'webhook', ?, ?)""")
                    .params(UUID.randomUUID(), id, subscription, status,
                            status.equals("retrying") ? UUID.randomUUID() : null)
                    .update();
        }
    }
}
