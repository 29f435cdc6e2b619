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
 * Routing the alerts of one poll together decides as routing them one by one in their order would: a later copy
 * of a story is suppressed by the first, an alert read twice is decided once, and the hour's last instant place
 * goes to the earlier alert.
 */
class RoutingPollIntegrationTests extends IntegrationTestSupport {

    @Autowired
    private Router router;

    @Autowired
    private JdbcClient jdbc;

    @AfterEach
    void deleteSubscriptions() {
        jdbc.sql("delete from subscriptions where categories && '{POLLED,CAPPED}'").update();
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
