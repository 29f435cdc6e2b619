package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.routing.Router;

/**
 * Routing one alert for more subscriptions than fit in one routing transaction: every chunk decides, records and
 * counts its subscriptions once, and a copy of the story finds the flood keys every chunk took.
 */
class RoutingChunksIntegrationTests extends IntegrationTestSupport {

    // Three chunks of 500 and a part of a fourth.
    private static final int SUBSCRIPTIONS = 1_601;

    @Autowired
    private Router router;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void deleteSubscriptions() {
        jdbc.sql("delete from subscriptions where categories = '{CHUNKED}'").update();
    }

    @Test
    void routesEverySubscriptionOnceAcrossChunksAndSuppressesTheCopyForAll() {
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        select gen_random_uuid(), 'webhook', 'https://hooks.example.org/chunk/' || n, '{CHUNKED}',
                               'instant', 'active', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'chunk-' || n, now()
                          from generate_series(1, ?) as n""")
                .param(SUBSCRIPTIONS).update();

        assertThat(router.instantRecipients(alert("chunked-first"))).hasSize(SUBSCRIPTIONS);
        // Read again (a redelivery): the same answer from the stored decisions, nothing counted twice.
        assertThat(router.instantRecipients(alert("chunked-first"))).hasSize(SUBSCRIPTIONS);
        assertThat(count("""
                select count(*) from routing_decisions
                 where alert_id = 'chunked-first' and route = 'instant'"""))
                .isEqualTo(SUBSCRIPTIONS);
        assertThat(count("""
                select coalesce(sum(sent), 0) from instant_counts
                 where subscription_id in (select id from subscriptions where categories = '{CHUNKED}')"""))
                .isEqualTo(SUBSCRIPTIONS);

        assertThat(router.instantRecipients(alert("chunked-copy"))).isEmpty();
        assertThat(count("""
                select count(*) from deliveries
                 where alert_id = 'chunked-copy' and status = 'suppressed'
                   and suppressed_by_alert = 'chunked-first'"""))
                .isEqualTo(SUBSCRIPTIONS);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Alert alert(String id) {
        return new Alert(id, "story-" + id, "cluster-chunked",
                new Alert.StoryRef("A ceasefire is proposed", "https://example.com/" + id, "example.com",
                        Instant.parse("2025-05-20T08:00:00Z")),
                List.of("CHUNKED"),
                List.of(new Alert.Match("ceasefire", "CHUNKED", 0.9, List.of("A ceasefire is proposed."),
                        Stance.PROPOSED)),
                "sha256:0123", Instant.parse("2025-05-20T08:01:00Z"));
    }
}
