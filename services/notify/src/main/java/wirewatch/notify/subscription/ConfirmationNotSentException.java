package wirewatch.notify.subscription;

/** The opt-in mail of a new email subscription could not be sent, so the subscription is not kept. */
public class ConfirmationNotSentException extends RuntimeException {

    public ConfirmationNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
