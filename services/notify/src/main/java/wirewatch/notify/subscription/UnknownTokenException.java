package wirewatch.notify.subscription;

/** A confirmation or unsubscribe link whose token matches no subscription. */
class UnknownTokenException extends RuntimeException {

    UnknownTokenException(String link) {
        super("this " + link + " link is not valid: the subscription was deleted or the link was copied incompletely");
    }
}
