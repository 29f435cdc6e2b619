package wirewatch.classify.classifier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.RuleQueryParser;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleProblem;
import wirewatch.classify.rules.RuleSet;

/**
 * Builds a {@link CompiledRuleSet} the way {@link RuleSetCompiler} does, minus running each rule's examples: for
 * benchmarks whose generated rules have none, where checking 100,000 examples would only slow the setup, and
 * that compare matching strategies.
 */
public final class RuleSetsWithoutExamples {

    private RuleSetsWithoutExamples() {
    }

    public static CompiledRuleSet compile(String version, List<Rule> rules, RuleMatcher.Strategy strategy) {
        var parser = new RuleQueryParser();
        var problems = new ArrayList<RuleProblem>();
        var queries = rules.stream().map(rule -> parser.parse(rule, problems)).toList();
        if (!problems.isEmpty()) {
            throw new InvalidRuleSetException(problems);
        }
        return new CompiledRuleSet(new RuleSet(version, "generated", rules), RuleMatcher.build(queries, strategy),
                Instant.now());
    }
}
