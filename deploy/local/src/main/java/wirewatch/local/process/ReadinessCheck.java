package wirewatch.local.process;

/**
 * Asks a started process whether it can serve yet. Any exception counts as "not yet": a starting server refuses
 * connections for a while, and that is normal.
 */
@FunctionalInterface
public interface ReadinessCheck {

    boolean isReady() throws Exception;
}
