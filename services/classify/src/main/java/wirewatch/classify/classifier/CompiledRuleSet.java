package wirewatch.classify.classifier;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import wirewatch.classify.evidence.StoryEvidence;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleSet;

/**
 * A validated rule set with its matcher: immutable and safe to use from many threads.
 *
 * <p>The matcher may hold resources (a Lucene Monitor runs its own thread), so it is reference counted: the owner
 * holds one reference from construction until {@link #close()}, and every classification holds one while it
 * runs. The matcher closes when the last reference goes, so replacing a rule set never pulls it from under a
 * story that is still being matched on it.
 */
public final class CompiledRuleSet implements AutoCloseable {

    private final RuleSet ruleSet;
    private final RuleMatcher matcher;
    private final Map<String, Rule> rulesById;
    private final Instant loadedAt;
    private final AtomicInteger references = new AtomicInteger(1);
    private final AtomicBoolean ownerReleased = new AtomicBoolean();

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

    /** @throws IllegalStateException when the set has been closed */
    public Classification classify(StoryText story) {
        return classifyIfOpen(story).orElseThrow(
                () -> new IllegalStateException("rule set " + version() + " has been closed"));
    }

    /** Classifies the story unless the set has already been closed, holding a reference meanwhile. */
    Optional<Classification> classifyIfOpen(StoryText story) {
        if (!acquire()) {
            return Optional.empty();
        }
        try {
            return Optional.of(match(story));
        } finally {
            release();
        }
    }

    private Classification match(StoryText story) {
        var result = matcher.match(story);
        var errors = result.errors().entrySet().stream()
                .map(entry -> new Classification.RuleError(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Classification.RuleError::ruleId))
                .toList();
        if (result.hits().isEmpty()) {
            // most stories match nothing: they are never split into sentences
            return new Classification(version(), List.of(), errors);
        }
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
        return new Classification(version(), matches, errors);
    }

    /** Gives up the owner's reference; the matcher closes now, or when the last classification finishes. */
    @Override
    public void close() {
        if (ownerReleased.compareAndSet(false, true)) {
            release();
        }
    }

    /** Whether the matcher is still open; false once the owner and every classification have let go. */
    boolean isOpen() {
        return references.get() > 0;
    }

    private boolean acquire() {
        int current;
        do {
            current = references.get();
            if (current == 0) {
                return false;
            }
        } while (!references.compareAndSet(current, current + 1));
        return true;
    }

    private void release() {
        if (references.decrementAndGet() == 0) {
            matcher.close();
        }
    }
}
