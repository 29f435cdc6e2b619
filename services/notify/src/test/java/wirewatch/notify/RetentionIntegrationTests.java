package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A retention run in the running service, between alerts: with the default 24 h flood window and 14 days of
 * history, on the movable application clock (routing's) and, for the ledger, rows aged on the database's clock.
 */
class RetentionIntegrationTests extends IntegrationTestSupport {

    private static final String CATEGORY = "PRISONER_EXCHANGE";

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> subscriptions = new ArrayList<>();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private ApplicationContext context;

    @AfterEach
    void cleanUp() throws Exception {
        for (var id : subscriptions) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
        receiver.close();
        CLOCK.reset();
    }

    @Test
    void removesExpiredRoutingStateAndOldHistoryWhileFloodControlAndTheHistoryStillHold() throws Exception {
        var url = receiver.url(200, "retention");
        var subscription = webhook(url);
        var id = UUID.fromString(subscription.path("id").asString());
        CLOCK.moveTo(Instant.parse("2031-03-01T10:00:00Z"));
        produceAlert("retention-1", "cluster-morning");
        awaitHistory(subscription, 1);
        CLOCK.moveTo(Instant.parse("2031-03-01T12:00:00Z"));
        produceAlert("retention-2", "cluster-noon");
        produceAlert("retention-2-copy", "cluster-noon");
        var before = byAlertId(awaitHistory(subscription, 3));
        assertThat(before.get("retention-2-copy").path("status").asString()).isEqualTo("suppressed");
        var noonDelivery = before.get("retention-2").path("id").asString();
        // Both sent deliveries are past the history now; the copy is not, and keeps the delivery it names.
        jdbc.sql("""
                        update deliveries set created_at = now() - interval '15 days'
                         where subscription_id = ? and alert_id in ('retention-1', 'retention-2')""")
                .param(id).update();
        // 25 h after the morning's flood key was claimed, 23 h after noon's
        CLOCK.moveTo(Instant.parse("2031-03-02T11:00:00Z"));

        runRetention();

        assertThat(jdbc.sql("select cluster_id from flood_keys where subscription_id = ?").param(id)
                .query(String.class).list()).containsExactly("cluster-noon");
        assertThat(jdbc.sql("select count(*) from instant_counts where subscription_id = ?").param(id)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select alert_id from routing_decisions where subscription_id = ? order by alert_id")
                .param(id).query(String.class).list())
                .containsExactly("retention-1", "retention-2", "retention-2-copy");

        produceAlert("retention-2-late-copy", "cluster-noon");
        produceAlert("retention-1-next-day", "cluster-morning");

        var history = awaitHistory(subscription, 4);
        assertThat(history).extracting(delivery -> delivery.path("alertId").asString()).containsExactly(
                "retention-1-next-day", "retention-2-late-copy", "retention-2-copy", "retention-2");
        assertThat(history).extracting(delivery -> delivery.path("status").asString())
                .containsExactly("delivered", "suppressed", "suppressed", "delivered");
        assertThat(history.get(3).path("id").asString()).isEqualTo(noonDelivery);
        assertThat(List.of(history.get(1), history.get(2))).allSatisfy(copy -> {
            assertThat(copy.path("suppressedBy").path("alertId").asString()).isEqualTo("retention-2");
            assertThat(copy.path("suppressedBy").path("deliveryId").asString()).isEqualTo(noonDelivery);
        });
        assertThat(receiver.receivedAt(url)).extracting(request -> json.readTree(request.body()).path("data")
                .path("id").asString()).containsExactly("retention-1", "retention-2", "retention-1-next-day");
    }

    /**
     * Restarts the retention task, which runs at once as at start-up, and waits for that run to end: stopping the
     * task lets a run in progress finish. The first step deletes at least the morning's flood key.
     */
    private void runRetention() {
        var task = context.getBean("retentionTask", SmartLifecycle.class);
        var removedBefore = removedFloodKeys();
        task.stop();
        task.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> removedFloodKeys() > removedBefore);
        task.stop();
        task.start();
    }

    private double removedFloodKeys() {
        return meters.get("wirewatch.notify.retention.removed").tag("table", "flood_keys").counter().count();
    }

    private JsonNode webhook(String url) throws Exception {
        var created = subscribe(Map.of("channel", "webhook", "target", url, "categories", List.of(CATEGORY),
                "mode", "instant"));
        subscriptions.add(created.path("id").asString());
        return created;
    }

    /** The subscription's history, newest first, once it has {@code size} deliveries and none is in flight. */
    private List<JsonNode> awaitHistory(JsonNode subscription, int size) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> getJson("/api/subscriptions/"
                        + subscription.path("id").asString() + "/deliveries").values().stream().toList(),
                found -> found.size() == size && found.stream().map(delivery -> delivery.path("status").asString())
                        .allMatch(status -> status.equals("delivered") || status.equals("suppressed")));
    }

    private static Map<String, JsonNode> byAlertId(List<JsonNode> history) {
        var byAlert = new HashMap<String, JsonNode>();
        history.forEach(delivery -> byAlert.put(delivery.path("alertId").asString(), delivery));
        return byAlert;
    }

    private void produceAlert(String id, String cluster) throws Exception {
        produce("story-" + id, """
                {"id": "%s", "storyId": "story-%s", "clusterId": "%s",
                 "story": {"title": "Kyiv and Moscow agree to swap prisoners", "url": "https://example.com/%s",
                           "source": "example.com", "publishedAt": "2031-03-01T08:00:00Z"},
                 "categories": ["%s"],
                 "matches": [{"ruleId": "prisoner-swap", "category": "%s", "confidence": 0.9,
                              "evidence": ["Both sides will exchange prisoners of war."], "stance": "AGREED"}],
                 "rulesetVersion": "sha256:0123", "classifiedAt": "2031-03-01T08:01:00Z"}"""
                .formatted(id, id, cluster, id, CATEGORY, CATEGORY));
    }
}
