package wirewatch.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import wirewatch.notify.TestDatabases;

/** Against a real PostgreSQL with notify's schema. */
class SubscriptionStoreTests {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final SubscriptionStore store = new SubscriptionStore(jdbc);

    @Test
    void deletingASubscriptionDeletesItsHistoryAndRoutingStateAndNobodyElses() {
        var deleted = UUID.randomUUID();
        var kept = UUID.randomUUID();
        for (var subscription : new UUID[] {deleted, kept}) {
            subscribe(subscription);
            jdbc.sql("""
                            insert into deliveries (id, alert_id, subscription_id, channel, status)
                            values (gen_random_uuid(), 'alert-1', ?, 'webhook', 'delivered')""")
                    .param(subscription).update();
            jdbc.sql("""
                            insert into routing_decisions (alert_id, subscription_id, route, decided_at)
                            values ('alert-1', ?, 'instant', now())""")
                    .param(subscription).update();
            jdbc.sql("""
                            insert into flood_keys (subscription_id, cluster_id, category, alert_id, claimed_at)
                            values (?, 'cluster-1', 'CEASEFIRE', 'alert-1', now())""")
                    .param(subscription).update();
        }

        assertThat(store.delete(deleted)).isTrue();

        for (var table : new String[] {"subscriptions", "deliveries", "routing_decisions", "flood_keys"}) {
            var column = table.equals("subscriptions") ? "id" : "subscription_id";
            assertThat(jdbc.sql("select " + column + " from " + table).query(UUID.class).list())
                    .as(table).containsExactly(kept);
        }
        assertThat(store.delete(deleted)).isFalse();
    }

    private void subscribe(UUID id) {
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', 'https://hooks.example.org/' || ?, '{CEASEFIRE}', 'instant', 'active',
                                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ?, now())""")
                .params(id, id.toString(), id.toString()).update();
    }
}
