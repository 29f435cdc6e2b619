package wirewatch.ingest.feed.reader;

/** A feed document from which nothing could be read; the message says why, for the feed's health record. */
public class FeedFormatException extends Exception {

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
