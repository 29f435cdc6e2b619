package wirewatch.local.process;

/** A child process died or never became ready; the message names its log file and quotes its last lines. */
public final class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }
}
