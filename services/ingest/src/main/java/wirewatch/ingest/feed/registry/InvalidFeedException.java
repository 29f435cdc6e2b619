package wirewatch.ingest.feed.registry;

/** A feed registration that cannot be accepted; the message starts with the offending field. */
class InvalidFeedException extends RuntimeException {

    private final String field;

    InvalidFeedException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
