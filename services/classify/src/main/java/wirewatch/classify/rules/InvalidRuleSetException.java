package wirewatch.classify.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set was rejected as a whole; carries every problem found, not just the first. */
public class InvalidRuleSetException extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRuleSetException(List<RuleProblem> problems) {
        super(problems.size() + " problem(s) in the rule set:\n" + problems.stream()
                .map(RuleProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
