package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.routing.Router;
import wirewatch.notify.subscription.Subscription;

/**
 * The router called directly, without Kafka. One alert for more subscriptions than fit in one routing transaction:
 * every chunk decides, records and counts its subscriptions once, and a copy of the story finds the flood keys every
 * chunk took. The alerts of one poll routed together decide as routing them one by one in their order would: a
 * later copy of a story is suppressed by the first, an alert read twice is decided once, and the hour's last instant
 * place goes to the earlier alert.
 */
class RouterIntegrationTests extends IntegrationTestSupport {

    // Three chunks of 500 and a part of a fourth.
    private static final int SUBSCRIPTIONS = 1_601;

    @Autowired
    private Router router;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void deleteSubscriptions() {
        jdbc.sql("delete from subscriptions where categories && '{CHUNKED,POLLED,CAPPED}'").update();
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

    @Test
    void suppressesALaterCopyInThePollByTheFirstAndDecidesAnAlertReadTwiceOnce() {
        var subscription = subscribe("POLLED");

        var recipients = router.instantRecipients(List.of(alert("poll-first", "cluster-x", "POLLED"),
                alert("poll-copy", "cluster-x", "POLLED"), alert("poll-other", "cluster-y", "POLLED"),
                alert("poll-first", "cluster-x", "POLLED")));

        assertThat(recipients).extracting(reached -> reached.stream().map(Subscription::id).toList())
                .containsExactly(List.of(subscription), List.of(), List.of(subscription), List.of(subscription));
        assertThat(jdbc.sql("""
                        select alert_id || ':' || route from routing_decisions where subscription_id = ?
                         order by alert_id""")
                .param(subscription).query(String.class).list())
                .containsExactly("poll-copy:suppressed", "poll-first:instant", "poll-other:instant");
        assertThat(jdbc.sql("select sum(sent) from instant_counts where subscription_id = ?")
                .param(subscription).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                        select cluster_id || ':' || alert_id from flood_keys where subscription_id = ?
                         order by cluster_id""")
                .param(subscription).query(String.class).list())
                .containsExactly("cluster-x:poll-first", "cluster-y:poll-other");
        assertThat(jdbc.sql("""
                        select suppressed_by_alert from deliveries
                         where subscription_id = ? and alert_id = 'poll-copy' and status = 'suppressed'""")
                .param(subscription).query(String.class).list()).containsExactly("poll-first");
    }

    @Test
    void givesTheHoursLastInstantPlaceToTheEarlierAlertOfThePoll() {
        var subscription = subscribe("CAPPED");
        // The context's cap is the default, 20 instant alerts per hour; each alert is a story of its own.
        var alerts = new ArrayList<Alert>();
        IntStream.rangeClosed(1, 21).forEach(n -> alerts.add(alert("capped-" + n, "cluster-capped-" + n, "CAPPED")));

        var recipients = router.instantRecipients(alerts);

        assertThat(recipients.subList(0, 20)).allSatisfy(reached -> assertThat(reached).hasSize(1));
        assertThat(recipients.get(20)).isEmpty();
        assertThat(jdbc.sql("select route from routing_decisions where alert_id = 'capped-21' and subscription_id = ?")
                .param(subscription).query(String.class).single()).isEqualTo("overflow");
        assertThat(jdbc.sql("select sum(sent) from instant_counts where subscription_id = ?")
                .param(subscription).query(Integer.class).single()).isEqualTo(20);
    }

    private UUID subscribe(String category) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', 'https://hooks.example.org/poll', ?::text[], 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ?, now())""")
                .params(id, new String[] {category}, "poll-" + id).update();
        return id;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Alert alert(String id) {
        return alert(id, "cluster-chunked", "CHUNKED");
    }

    private static Alert alert(String id, String cluster, String category) {
        return new Alert(id, "story-" + id, cluster,
                new Alert.StoryRef("A ceasefire is proposed", "https://example.com/" + id, "example.com",
                        Instant.parse("2025-05-20T08:00:00Z")),
                List.of(category),
                List.of(new Alert.Match("ceasefire", category, 0.9, List.of("A ceasefire is proposed."),
                        Stance.PROPOSED)),
                "sha256:0123", Instant.parse("2025-05-20T08:01:00Z"));
    }
}
