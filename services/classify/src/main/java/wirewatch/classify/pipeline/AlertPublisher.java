package wirewatch.classify.pipeline;

import java.util.concurrent.CompletableFuture;
import wirewatch.events.Alert;

/** Where alerts go. */
interface AlertPublisher {

    /** Completes when the alert is stored (acknowledged by the broker's in-sync replicas), exceptionally if not. */
    CompletableFuture<?> publish(Alert alert);

    /** Sends what is waiting to be batched now: the caller is about to wait for it. */
    void flush();
}
