package wirewatch.ingest.canonical;

/** The text given as a story URL cannot be a story URL; the message says why, for the client. */
public class InvalidUrlException extends IllegalArgumentException {

    InvalidUrlException(String message) {
        super(message);
    }
}
