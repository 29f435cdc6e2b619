package wirewatch.classify.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * {@code kafka} in {@code /actuator/health} and its readiness group: UP when the cluster answers a describe-cluster
 * call in time. Not part of liveness: a restart does not bring a broker back, it only drops the work in hand.
 */
@Component
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    // Short, so a probe with its usual few seconds' timeout sees DOWN rather than no answer.
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final KafkaAdmin admin;
    private AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Health health() {
        try {
            var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
            var clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            var nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from Kafka within " + TIMEOUT.toMillis() + " ms")
                    .build();
        }
    }

    // One client for every probe: creating one per call would open new connections each time.
    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(1));
        }
    }
}
