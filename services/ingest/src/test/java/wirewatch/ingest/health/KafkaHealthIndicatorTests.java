package wirewatch.ingest.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft broker, started by hand rather than with {@code @EmbeddedKafka}: any embedded broker sets the
 * JVM-wide {@code spring.embedded.kafka.brokers} property, which the Spring integration tests of this module read
 * later in the same JVM; this test puts the previous value back.
 */
class KafkaHealthIndicatorTests {

    private static EmbeddedKafkaBroker broker;
    private static String previousBrokers;

    @BeforeAll
    static void startBroker() {
        previousBrokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
        if (previousBrokers == null) {
            System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        } else {
            System.setProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS, previousBrokers);
        }
    }

    @Test
    void isUpWithTheClusterIdWhenTheBrokerAnswers() {
        var indicator = new KafkaHealthIndicator(admin(broker.getBrokersAsString()));
        try {
            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("nodes", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void isDownWithinItsTimeoutWhenNoBrokerListens() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var indicator = new KafkaHealthIndicator(admin("127.0.0.1:" + closedPort));
        try {
            long started = System.nanoTime();
            var health = indicator.health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(tookMillis).isLessThan(3 * KafkaHealthIndicator.TIMEOUT.toMillis());
        } finally {
            indicator.destroy();
        }
    }

    private static KafkaAdmin admin(String bootstrapServers) {
        return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
