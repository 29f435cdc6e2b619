package wirewatch.notify.delivery;

/** How one attempt to send a delivery ended. */
public sealed interface SendOutcome {

    static SendOutcome delivered() {
        return new Delivered();
    }

    /** A failure worth trying again later: a timeout, a refused connection, a 5xx. */
    static SendOutcome failed(String reason) {
        return new Failed(reason);
    }

    /** The receiver says it will never want this subscription again (a webhook's {@code 410 Gone}). */
    static SendOutcome gone(String reason) {
        return new Gone(reason);
    }

    record Delivered() implements SendOutcome {
    }

    record Failed(String reason) implements SendOutcome {
    }

    record Gone(String reason) implements SendOutcome {
    }
}
