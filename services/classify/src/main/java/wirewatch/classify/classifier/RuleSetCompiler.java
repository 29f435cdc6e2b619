package wirewatch.classify.classifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.RuleQuery;
import wirewatch.classify.matching.RuleQueryParser;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.Location;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleFile;
import wirewatch.classify.rules.RuleLoader;
import wirewatch.classify.rules.RuleProblem;
import wirewatch.classify.rules.RuleSet;
import wirewatch.classify.rules.RuleSetVersion;

/**
 * Turns rule files into a {@link CompiledRuleSet}, or rejects them as a whole with every problem found:
 * YAML and field problems, queries that do not parse, and examples that do not behave as their rule says.
 * Each stage goes as far as it can, so one run shows a rule author all that needs fixing.
 */
public final class RuleSetCompiler {

    private final RuleLoader loader = new RuleLoader();
    private final RuleQueryParser parser = new RuleQueryParser();
    private final Clock clock;
    private final RuleMatcher.Strategy strategy;

    public RuleSetCompiler(Clock clock) {
        this(clock, RuleMatcher.DEFAULT_STRATEGY);
    }

    public RuleSetCompiler(Clock clock, RuleMatcher.Strategy strategy) {
        this.clock = clock;
        this.strategy = strategy;
    }

    /**
     * @param origin a description of where the files came from, shown in {@code GET /api/rules}
     * @throws InvalidRuleSetException with the problems ordered by file and line
     */
    public CompiledRuleSet compile(String origin, List<RuleFile> files) {
        var read = loader.read(files);
        var problems = new ArrayList<>(read.problems());
        var queries = new ArrayList<RuleQuery>();
        for (Rule rule : read.rules()) {
            var query = parser.parse(rule, problems);
            if (query != null) {
                queries.add(query);
            }
        }
        if (read.rules().isEmpty() && problems.isEmpty()) {
            throw new InvalidRuleSetException(List.of(new RuleProblem(
                    new Location(origin, 0), "no rules found in " + origin)));
        }
        var matcher = RuleMatcher.build(queries, strategy);
        var compiled = new CompiledRuleSet(
                new RuleSet(RuleSetVersion.of(files), origin, read.rules()), matcher, clock.instant());
        var compiledIds = queries.stream().map(RuleQuery::ruleId).collect(Collectors.toSet());
        checkExamples(read.rules(), compiledIds, matcher, problems);
        if (!problems.isEmpty()) {
            compiled.close();
            problems.sort(Comparator.comparing((RuleProblem p) -> p.location().file())
                    .thenComparingInt(p -> p.location().line()));
            throw new InvalidRuleSetException(problems);
        }
        return compiled;
    }

    private static void checkExamples(List<Rule> rules, Set<String> compiledIds, RuleMatcher matcher,
            List<RuleProblem> problems) {
        for (Rule rule : rules) {
            if (!compiledIds.contains(rule.id())) {
                continue;
            }
            for (Rule.Example example : rule.match()) {
                check(rule, example, true, matcher, problems);
            }
            for (Rule.Example example : rule.noMatch()) {
                check(rule, example, false, matcher, problems);
            }
        }
    }

    private static void check(Rule rule, Rule.Example example, boolean shouldMatch, RuleMatcher matcher,
            List<RuleProblem> problems) {
        var result = matcher.match(new StoryText(example.title(), example.body()));
        var error = result.errors().get(rule.id());
        if (error != null) {
            problems.add(new RuleProblem(example.location(),
                    "rule '" + rule.id() + "': example failed to run: " + error));
        } else if (result.hits().containsKey(rule.id()) != shouldMatch) {
            problems.add(new RuleProblem(example.location(), "rule '" + rule.id() + "': example "
                    + (shouldMatch ? "should match but does not" : "should not match but does") + ": "
                    + abbreviate(example.title().isBlank() ? example.body() : example.title())));
        }
    }

    private static String abbreviate(String text) {
        var oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? '"' + oneLine + '"' : '"' + oneLine.substring(0, 77) + "...\"";
    }
}
