package wirewatch.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.notify.TestDatabases;
import wirewatch.notify.routing.SuppressedCopies;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Mode;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStatus;

/** The claims that keep one delivery per (alert, subscription) from being sent twice at once. */
class DeliveryLedgerTests {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final JsonMapper json = JsonMapper.builder().build();
    private final DeliveryLedger ledger = new DeliveryLedger(jdbc, json);
    private final Subscription first = subscription("first");
    private final Subscription second = subscription("second");

    @Test
    void claimsEachDeliveryOfAnAlertOnceHoweverOftenTheAlertIsRead() {
        var claimed = ledger.claimNew("alert-1", List.of(first));

        assertThat(claimed).containsOnlyKeys(first.id());
        assertThat(claimed.get(first.id())).satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastAttemptAt()).isNotNull();
        });

        var again = ledger.claimNew("alert-1", List.of(first, second));

        assertThat(again).containsOnlyKeys(second.id());
        assertThat(jdbc.sql("select count(*) from deliveries").query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void reclaimsAPendingDeliveryOnlyAfterItsClaimTimedOutAndKeepsItsId() {
        var delivery = ledger.claimNew("alert-2", List.of(first)).get(first.id());

        assertThat(ledger.claimAbandoned(Duration.ofMinutes(2), 100)).isEmpty();

        jdbc.sql("update deliveries set last_attempt_at = now() - interval '3 minutes' where id = ?")
                .param(delivery.id()).update();
        var reclaimed = ledger.claimAbandoned(Duration.ofMinutes(2), 100);

        assertThat(reclaimed).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(delivery.id());
            assertThat(again.attempts()).isEqualTo(2);
        });
        assertThat(ledger.claimAbandoned(Duration.ofMinutes(2), 100)).isEmpty();
    }

    @Test
    void leavesDeliveredDeliveriesAlone() {
        var delivery = ledger.claimNew("alert-3", List.of(first)).get(first.id());
        ledger.markDelivered(List.of(delivery.id()), List.of(first.id()));
        jdbc.sql("update deliveries set last_attempt_at = now() - interval '1 hour'").update();

        assertThat(ledger.claimAbandoned(Duration.ofMinutes(2), 100)).isEmpty();
        assertThat(ledger.find(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void letsARetryRecordClaimItsAttemptOnlyOnce() {
        var delivery = ledger.claimNew("alert-4", List.of(first)).get(first.id());
        var retryId = UUID.randomUUID();
        ledger.markRetrying(delivery.id(), "HTTP 503", retryId, Instant.now());

        assertThat(ledger.claimRetry(delivery.id(), retryId)).isTrue();
        assertThat(ledger.claimRetry(delivery.id(), retryId)).isFalse();
        assertThat(ledger.find(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void neverClaimsNorRecoversACopyThatFloodControlSuppressed() {
        ledger.record("alert-5", List.of(new SuppressedCopies.Copy(first, "alert-0")));
        jdbc.sql("update deliveries set created_at = now() - interval '1 hour'").update();

        assertThat(ledger.claimNew("alert-5", List.of(first))).isEmpty();
        assertThat(ledger.claimAbandoned(Duration.ofMinutes(2), 100)).isEmpty();
        assertThat(jdbc.sql("select status from deliveries").query(String.class).single()).isEqualTo("suppressed");
    }

    @Test
    void claimsADigestsDeliveryUnderItsSubjectIdOnce() {
        var subject = "digest:" + UUID.randomUUID();

        assertThat(ledger.claimNew(subject, List.of(first))).containsOnlyKeys(first.id());
        assertThat(ledger.claimNew(subject, List.of(first))).isEmpty();
    }

    @Test
    void storesTheAlertItClaimsDeliveriesOfAndKeepsItsFirstCopy() {
        assertThat(ledger.claimNew(List.of(alert("alert-6", "First title")), List.of(List.of(first))))
                .containsOnlyKeys("alert-6")
                .extractingByKey("alert-6").satisfies(claimed -> assertThat(claimed).containsOnlyKeys(first.id()));
        assertThat(ledger.claimNew(List.of(alert("alert-6", "Second title")), List.of(List.of(first, second))))
                .extractingByKey("alert-6").satisfies(claimed -> assertThat(claimed).containsOnlyKeys(second.id()));

        assertThat(jdbc.sql("select payload -> 'story' ->> 'title' from alerts where id = 'alert-6'")
                .query(String.class).single()).isEqualTo("First title");
    }

    @Test
    void claimsAPollsAlertsInOneGoEachAlertOnceAndStoresOnlyThoseThatReachSomeone() {
        var claimed = ledger.claimNew(
                List.of(alert("alert-8", "Eight"), alert("alert-9", "Nine"), alert("alert-8", "Eight again"),
                        alert("alert-10", "Ten")),
                List.of(List.of(first, second), List.of(second), List.of(first, second), List.of()));

        assertThat(claimed).containsOnlyKeys("alert-8", "alert-9");
        assertThat(claimed.get("alert-8")).containsOnlyKeys(first.id(), second.id());
        assertThat(claimed.get("alert-9")).containsOnlyKeys(second.id());
        assertThat(claimed.get("alert-8").get(first.id()).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(jdbc.sql("select id from alerts order by id").query(String.class).list())
                .containsExactly("alert-8", "alert-9");
        assertThat(jdbc.sql("select payload -> 'story' ->> 'title' from alerts where id = 'alert-8'")
                .query(String.class).single()).isEqualTo("Eight");
        assertThat(jdbc.sql("select count(*) from deliveries").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void endsTheRunOfFailuresOfTheSubscriptionsWhoseDeliveriesItMarksDelivered() {
        var delivery = ledger.claimNew("alert-7", List.of(first)).get(first.id());
        jdbc.sql("update subscriptions set failing_since = now() - interval '1 day'").update();

        ledger.markDelivered(List.of(delivery.id()), List.of(first.id()));

        assertThat(ledger.find(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(jdbc.sql("select count(*) from subscriptions where failing_since is not null and id = ?")
                .param(first.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from subscriptions where failing_since is not null and id = ?")
                .param(second.id()).query(Integer.class).single()).isOne();
    }

    private Alert alert(String id, String title) {
        return json.readValue("""
                {"id": "%s", "storyId": "story-%s", "clusterId": "cluster-%s",
                 "story": {"title": "%s", "url": "https://example.com/%s", "source": "example.com",
                           "publishedAt": "2030-01-01T00:00:00Z"},
                 "categories": ["CEASEFIRE"],
                 "matches": [{"ruleId": "ceasefire", "category": "CEASEFIRE", "confidence": 0.8,
                              "evidence": ["A truce."], "stance": "DEMANDED"}],
                 "rulesetVersion": "sha256:0123", "classifiedAt": "2030-01-01T00:00:00Z"}"""
                .formatted(id, id, id, title, id), Alert.class);
    }

    private Subscription subscription(String name) {
        var subscription = new Subscription(UUID.randomUUID(), Channel.WEBHOOK, "https://hooks.example.org/" + name,
                List.of("CEASEFIRE"), 0, List.of(), List.of(), Mode.INSTANT, null, SubscriptionStatus.ACTIVE,
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "unsubscribe-" + name, null, null, Instant.now());
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', ?, '{CEASEFIRE}', 'instant', 'active', ?, ?, now())""")
                .params(subscription.id(), subscription.target(), subscription.secret(),
                        subscription.unsubscribeToken())
                .update();
        return subscription;
    }
}
