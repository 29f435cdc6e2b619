package wirewatch.notify.delivery;

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

/**
 * The delivery history and digests against a real PostgreSQL, with 14 days of history and of alerts. Ledger rows
 * are aged on the database's clock (which stamps them), digests on the application's.
 */
class HistoryRetentionTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final HistoryRetention retention = new HistoryRetention(jdbc,
            new RetentionProperties(Duration.ofDays(14), Duration.ofDays(14), Duration.ofHours(1), 5000),
            new MutableClock(NOW));
    private final UUID subscription = subscribe("a");

    @Test
    void removesFinalDeliveriesOlderThanTheHistoryButNoneInFlight() {
        delivery("old-delivered", 15, "delivered", subscription);
        delivery("old-failed", 15, "failed", subscription);
        delivery("old-pending", 15, "pending", subscription);
        delivery("old-retrying", 15, "retrying", subscription);
        delivery("digest:old", 15, "delivered", subscription);
        delivery("recent-delivered", 13, "delivered", subscription);
        delivery("recent-failed", 13, "failed", subscription);

        assertThat(retention.removeExpiredDeliveries()).isEqualTo(3);

        assertThat(alertIds()).containsExactly("old-pending", "old-retrying", "recent-delivered", "recent-failed");
    }

    @Test
    void removesTheOldHistoryOfEverySubscriptionHoweverMany() {
        // 2,000 more subscriptions (2,001 in all, more than two pages of them), each with one old delivery
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        select gen_random_uuid(), 'webhook', 'https://hooks.example.org/many', '{CEASEFIRE}',
                               'instant', 'active', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'many-' || n, now()
                          from generate_series(1, 2000) as n""").update();
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status, created_at)
                        select gen_random_uuid(), 'old', id, 'webhook', 'delivered', now() - interval '15 days'
                          from subscriptions""").update();
        delivery("recent", 1, "delivered", subscription);

        assertThat(retention.removeExpiredDeliveries()).isEqualTo(2001);

        assertThat(jdbc.sql("select alert_id from deliveries").query(String.class).list()).containsExactly("recent");
    }

    @Test
    void keepsADeliveryAsLongAsASuppressedCopyOfItIsKept() {
        delivery("shown-beside-a-recent-copy", 15, "delivered", subscription);
        copy("recent-copy", 13, "shown-beside-a-recent-copy", subscription);
        delivery("with-an-old-copy", 16, "delivered", subscription);
        copy("old-copy", 15, "with-an-old-copy", subscription);
        // another subscription's copy of the same alert keeps only that subscription's delivery
        var other = subscribe("b");
        delivery("with-an-old-copy", 16, "delivered", other);
        copy("copy-elsewhere", 1, "with-an-old-copy", other);

        assertThat(retention.removeExpiredDeliveries()).isEqualTo(2);

        assertThat(alertIds(subscription)).containsExactly("recent-copy", "shown-beside-a-recent-copy");
        assertThat(alertIds(other)).containsExactly("copy-elsewhere", "with-an-old-copy");
    }

    @Test
    void removesSentDigestsOlderThanTheAlertsThatNoDeliveryInFlightReads() {
        var fifteenDaysAgo = NOW.minus(Duration.ofDays(15));
        var dispatched = digest("dispatched", fifteenDaysAgo);
        digest("cancelled", fifteenDaysAgo.plusSeconds(60));
        var stillRetrying = digest("dispatched", fifteenDaysAgo.plusSeconds(120));
        delivery("digest:" + stillRetrying, 15, "retrying", subscription);
        var failed = digest("dispatched", fifteenDaysAgo.plusSeconds(3600));
        delivery("digest:" + failed, 15, "failed", subscription);
        var recent = digest("dispatched", NOW.minus(Duration.ofDays(13)));
        // due long ago but never sent (its sender died): the next claim sends it
        var unsent = digest("sending", fifteenDaysAgo.minusSeconds(3600));
        alert("in-the-old-digest");
        jdbc.sql("insert into digest_items (digest_id, alert_id, reason, added_at) values (?, ?, 'digest', ?)")
                .params(dispatched, "in-the-old-digest", utc(fifteenDaysAgo)).update();

        assertThat(retention.removeExpiredDigests()).isEqualTo(3);

        assertThat(jdbc.sql("select id from digests").query(UUID.class).list())
                .containsExactlyInAnyOrder(stillRetrying, recent, unsent);
        assertThat(jdbc.sql("select count(*) from digest_items").query(Integer.class).single()).isZero();
    }

    private UUID subscribe(String name) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', ?, '{CEASEFIRE}', 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ?, now())""")
                .params(id, "https://hooks.example.org/" + name, "token-" + name).update();
        return id;
    }

    private void delivery(String alertId, int daysAgo, String status, UUID subscriptionId) {
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status, retry_id, created_at)
                        values (?, ?, ?, 'webhook', ?, ?, now() - make_interval(days => ?))""")
                .params(UUID.randomUUID(), alertId, subscriptionId, status,
                        status.equals("retrying") ? UUID.randomUUID() : null, daysAgo)
                .update();
    }

    private void copy(String alertId, int daysAgo, String suppressedBy, UUID subscriptionId) {
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status, suppressed_by_alert,
                                                created_at)
                        values (?, ?, ?, 'webhook', 'suppressed', ?, now() - make_interval(days => ?))""")
                .params(UUID.randomUUID(), alertId, subscriptionId, suppressedBy, daysAgo).update();
    }

    private UUID digest(String status, Instant periodEnd) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into digests (id, subscription_id, period_start, period_end, status, claimed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, subscription, utc(periodEnd.minus(Duration.ofHours(1))), utc(periodEnd), status,
                        status.equals("open") ? null : utc(periodEnd.plusSeconds(5)))
                .update();
        return id;
    }

    private void alert(String id) {
        jdbc.sql("insert into alerts (id, payload) values (?, '{}'::jsonb)").param(id).update();
    }

    private List<String> alertIds() {
        return alertIds(subscription);
    }

    private List<String> alertIds(UUID subscriptionId) {
        return jdbc.sql("select alert_id from deliveries where subscription_id = ? order by alert_id")
                .param(subscriptionId).query(String.class).list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
