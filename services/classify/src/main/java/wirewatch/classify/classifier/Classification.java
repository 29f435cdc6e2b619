package wirewatch.classify.classifier;

import java.util.List;
import wirewatch.events.Stance;

/**
 * What a rule set made of one story.
 *
 * @param matches one per matching rule, ordered by category then rule id
 * @param errors  rules that failed on this story; the others still classified it
 */
public record Classification(String rulesetVersion, List<RuleMatch> matches, List<RuleError> errors) {

    public Classification {
        matches = List.copyOf(matches);
        errors = List.copyOf(errors);
    }

    /** The distinct categories matched, alphabetically, so a re-run yields the same list. */
    public List<String> categories() {
        return matches.stream().map(RuleMatch::category).distinct().sorted().toList();
    }

    public boolean matched() {
        return !matches.isEmpty();
    }

    public record RuleMatch(String ruleId, String category, double confidence, List<String> evidence, Stance stance) {

        public RuleMatch {
            evidence = List.copyOf(evidence);
        }
    }

    public record RuleError(String ruleId, String message) {
    }
}
