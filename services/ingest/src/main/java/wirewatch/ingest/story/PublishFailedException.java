package wirewatch.ingest.story;

/** Kafka did not acknowledge a story in time; nothing was recorded, so the client may simply retry. */
public class PublishFailedException extends RuntimeException {

    PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
