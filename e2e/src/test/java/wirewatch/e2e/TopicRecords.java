package wirewatch.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the start, outside any consumer group, as an operator's tool would. */
final class TopicRecords {

    private TopicRecords() {
    }

    /** The headers (as text) of the first committed record with this key, if one arrives within the timeout. */
    static Optional<Map<String, String>> headersOfFirst(String bootstrapServers, String topic, String key,
            Duration timeout) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        var headers = new LinkedHashMap<String, String>();
                        for (Header header : record.headers()) {
                            headers.putIfAbsent(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                        }
                        return Optional.of(headers);
                    }
                }
            }
            return Optional.empty();
        }
    }
}
