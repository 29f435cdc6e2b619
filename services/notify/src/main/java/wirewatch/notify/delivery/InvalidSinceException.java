package wirewatch.notify.delivery;

class InvalidSinceException extends RuntimeException {

    InvalidSinceException(String since) {
        super("since must be an ISO-8601 instant such as 2025-05-20T08:00:00Z, was '" + since + "'");
    }
}
