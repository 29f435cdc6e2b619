package wirewatch.notify.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import wirewatch.events.CloudEvents;
import wirewatch.notify.delivery.DeadLetter;
import wirewatch.notify.delivery.DeliveryQueue;
import wirewatch.notify.delivery.DeliveryRetry;

/** The delivery queue on Kafka: retry tiers, the replay topic and the delivery dead-letter topic. */
@Component
class KafkaDeliveryQueue implements DeliveryQueue {

    static final String RETRY_TYPE = "wirewatch.notify.delivery-retry.v1";
    static final String DEAD_LETTER_TYPE = "wirewatch.notify.delivery-dead-letter.v1";
    private static final String SOURCE = "/wirewatch/notify";
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<Object, Object> kafka;
    private final Clock clock = Clock.systemUTC();

    KafkaDeliveryQueue(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void enqueue(DeliveryRetry retry, Duration tier) {
        var topic = tier.isZero() ? DeliveryTopics.REPLAY : DeliveryTopics.retry(tier);
        send(topic, retry.subscriptionId().toString(), retry, retry.retryId().toString(), RETRY_TYPE);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
        send(DeliveryTopics.DEAD_LETTER, deadLetter.subscriptionId().toString(), deadLetter,
                deadLetter.deliveryId() + "@" + deadLetter.failedAt().toEpochMilli(), DEAD_LETTER_TYPE);
    }

    private void send(String topic, String key, Object value, String eventId, String type) {
        var headers = new RecordHeaders();
        CloudEvents.headers(eventId, type, SOURCE, clock.instant())
                .forEach((name, headerValue) -> headers.add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            kafka.send(new ProducerRecord<>(topic, null, key, value, headers))
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while writing to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("could not write to " + topic, e);
        }
    }
}
