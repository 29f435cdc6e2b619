package wirewatch.notify.subscription;

/** A subscription request that cannot be accepted, naming the request field at fault. */
class InvalidSubscriptionException extends RuntimeException {

    private final String field;

    InvalidSubscriptionException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
