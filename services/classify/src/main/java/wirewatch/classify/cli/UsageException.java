package wirewatch.classify.cli;

/** The command line itself is wrong; the message says how, and the usage text follows it. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
