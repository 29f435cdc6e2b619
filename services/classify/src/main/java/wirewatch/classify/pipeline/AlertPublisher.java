package wirewatch.classify.pipeline;

import wirewatch.events.Alert;

/** Where alerts go; the Kafka implementation joins the transaction of the poll being consumed. */
interface AlertPublisher {

    void publish(Alert alert);
}
