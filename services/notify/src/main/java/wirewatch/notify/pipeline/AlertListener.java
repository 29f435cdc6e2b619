package wirewatch.notify.pipeline;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.events.Topics;

@Component
class AlertListener {

    private final AlertBatchDispatcher dispatcher;

    AlertListener(AlertBatchDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** A batch per poll, so its alerts are dispatched side by side; records, so unreadable ones can be told apart. */
    @KafkaListener(id = AlertBatchDispatcher.LISTENER_ID, topics = Topics.ALERTS, batch = "true")
    void onAlerts(List<ConsumerRecord<String, Alert>> records) {
        dispatcher.dispatchAll(records);
    }
}
