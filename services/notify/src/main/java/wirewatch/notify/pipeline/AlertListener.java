package wirewatch.notify.pipeline;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.events.Topics;
import wirewatch.notify.delivery.AlertDispatcher;

@Component
class AlertListener {

    private final AlertDispatcher dispatcher;

    AlertListener(AlertDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "notify", topics = Topics.ALERTS)
    void onAlert(Alert alert) {
        dispatcher.dispatch(alert);
    }
}
