package wirewatch.ingest.feed.registry;

/** Kafka did not take a feed's record; the change was rolled back, so the client may retry. */
class FeedTopicUnavailableException extends RuntimeException {

    FeedTopicUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
