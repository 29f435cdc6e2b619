package wirewatch.classify.classifier;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last attempt to load rules, which may differ from the set in use: a rejected set leaves
 * the previous one running.
 *
 * @param lastErrors the problems of the last attempt, {@code file:line: message}; empty when it succeeded
 */
public record RuleSetStatus(Outcome outcome, String origin, Instant attemptedAt, List<String> lastErrors) {

    public RuleSetStatus {
        lastErrors = List.copyOf(lastErrors);
    }

    public enum Outcome {
        LOADED,
        REJECTED
    }
}
