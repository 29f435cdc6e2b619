package wirewatch.classify.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.events.CloudEvents;
import wirewatch.events.Topics;

@Component
class KafkaAlertPublisher implements AlertPublisher {

    static final String SOURCE = "/wirewatch/classify";

    private final KafkaTemplate<String, Object> template;

    KafkaAlertPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    /**
     * Keyed by story id so every alert about a story lands on one partition in order. The producer is idempotent
     * (acks=all), so its own retries never write an alert twice.
     */
    @Override
    public CompletableFuture<?> publish(Alert alert) {
        var record = new ProducerRecord<String, Object>(Topics.ALERTS, alert.storyId(), alert);
        CloudEvents.headers(alert.id(), CloudEvents.ALERT_TYPE, SOURCE, alert.classifiedAt())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return template.send(record);
    }

    @Override
    public void flush() {
        template.flush();
    }
}
