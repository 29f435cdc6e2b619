package wirewatch.notify.delivery;

import java.time.Duration;

/** How one attempt to send a delivery ended. */
public sealed interface SendOutcome {

    static SendOutcome delivered() {
        return new Delivered();
    }

    /** A failure worth trying again later: a timeout, a refused connection, a 5xx, a transient SMTP answer. */
    static SendOutcome failed(String reason) {
        return new Failed(reason, true, Duration.ZERO);
    }

    /** A failure worth trying again, but not before {@code retryAfter} (an HTTP {@code Retry-After}). */
    static SendOutcome failed(String reason, Duration retryAfter) {
        return new Failed(reason, true, retryAfter);
    }

    /** A failure that would only repeat itself: a refused target, an SMTP 5xx. The delivery fails at once. */
    static SendOutcome refused(String reason) {
        return new Failed(reason, false, Duration.ZERO);
    }

    /** The receiver says it will never want this subscription again (a webhook's {@code 410 Gone}). */
    static SendOutcome gone(String reason) {
        return new Gone(reason);
    }

    record Delivered() implements SendOutcome {
    }

    /** @param retryAfter the least the receiver asked us to wait, {@link Duration#ZERO} when it did not ask */
    record Failed(String reason, boolean retryable, Duration retryAfter) implements SendOutcome {
    }

    record Gone(String reason) implements SendOutcome {
    }
}
