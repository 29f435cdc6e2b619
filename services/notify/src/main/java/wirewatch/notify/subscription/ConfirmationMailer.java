package wirewatch.notify.subscription;

/** Sends the double opt-in mail of a new email subscription. */
public interface ConfirmationMailer {

    /**
     * Mails the confirmation link for {@code subscription}'s confirmation token to its target address.
     *
     * @throws ConfirmationNotSentException when the mail could not be handed to the mail server
     */
    void sendConfirmation(Subscription subscription);
}
