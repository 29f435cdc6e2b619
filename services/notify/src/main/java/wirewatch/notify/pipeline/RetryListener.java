package wirewatch.notify.pipeline;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;
import org.springframework.stereotype.Component;
import wirewatch.notify.delivery.DeliveryRetries;
import wirewatch.notify.delivery.DeliveryRetry;

/**
 * Attempts each retry or replay record once it is due. A record that is not due yet pauses its partition, and
 * only its partition, until it is (see {@link RetryConfiguration}).
 */
@Component
class RetryListener {

    static final String ID = "notify-retry";

    private final DeliveryRetries retries;
    private final KafkaConsumerBackoffManager backOff;

    RetryListener(DeliveryRetries retries, KafkaConsumerBackoffManager backOff) {
        this.retries = retries;
        this.backOff = backOff;
    }

    @KafkaListener(id = ID, topicPattern = DeliveryTopics.PATTERN, containerFactory = RetryConfiguration.FACTORY,
            properties = "spring.json.value.default.type=wirewatch.notify.delivery.DeliveryRetry")
    void onRetry(ConsumerRecord<String, DeliveryRetry> record, Consumer<?, ?> consumer) {
        backOff.backOffIfNecessary(backOff.createContext(record.value().notBefore().toEpochMilli(), ID,
                new TopicPartition(record.topic(), record.partition()), consumer));
        retries.attempt(record.value());
    }
}
