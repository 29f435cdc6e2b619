package wirewatch.classify.classifier;

import java.time.Instant;
import java.util.List;

/**
 * One attempt to load rules, which may differ from the set in use: a rejected set leaves the previous one
 * running.
 *
 * @param version  the content hash of the files tried, or {@code null} when they could not even be read
 * @param problems what was wrong, {@code file:line: message}; empty unless rejected
 */
public record RuleSetStatus(Outcome outcome, String origin, String version, Instant attemptedAt,
        List<String> problems) {

    public RuleSetStatus {
        problems = List.copyOf(problems);
    }

    public enum Outcome {
        /** The files compiled and are now the active set. */
        APPLIED,
        /** The files are invalid; the previous set keeps running. */
        REJECTED,
        /** The files are those of the active set, or of the set last rejected: nothing was compiled. */
        UNCHANGED
    }
}
