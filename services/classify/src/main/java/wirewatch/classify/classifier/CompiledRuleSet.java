package wirewatch.classify.classifier;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import wirewatch.classify.evidence.StoryEvidence;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleSet;

/** A validated rule set with its matcher: immutable, safe to use from many threads, closed when replaced. */
public final class CompiledRuleSet implements AutoCloseable {

    private final RuleSet ruleSet;
    private final RuleMatcher matcher;
    private final Map<String, Rule> rulesById;
    private final Instant loadedAt;

    CompiledRuleSet(RuleSet ruleSet, RuleMatcher matcher, Instant loadedAt) {
        this.ruleSet = ruleSet;
        this.matcher = matcher;
        this.rulesById = ruleSet.rules().stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));
        this.loadedAt = loadedAt;
    }

    public RuleSet ruleSet() {
        return ruleSet;
    }

    public String version() {
        return ruleSet.version();
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public Classification classify(StoryText story) {
        var result = matcher.match(story);
        var evidence = StoryEvidence.of(story);
        var matches = result.hits().entrySet().stream()
                .filter(entry -> rulesById.containsKey(entry.getKey()))
                .map(entry -> {
                    var rule = rulesById.get(entry.getKey());
                    var assessment = evidence.assess(entry.getValue(), rule.weight(), rule.context() != null);
                    return new Classification.RuleMatch(rule.id(), rule.category(), assessment.confidence(),
                            assessment.evidence(), assessment.stance());
                })
                .sorted(Comparator.comparing(Classification.RuleMatch::category)
                        .thenComparing(Classification.RuleMatch::ruleId))
                .toList();
        var errors = result.errors().entrySet().stream()
                .map(entry -> new Classification.RuleError(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Classification.RuleError::ruleId))
                .toList();
        return new Classification(version(), matches, errors);
    }

    @Override
    public void close() {
        matcher.close();
    }
}
