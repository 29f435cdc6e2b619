package wirewatch.classify.classifier;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleFile;
import wirewatch.classify.rules.RuleProblem;

/**
 * The rule set in use. Loading builds a complete new {@link CompiledRuleSet} off to the side and swaps it in
 * with one atomic write, so every story is classified by exactly one version; a set that fails to compile is
 * recorded in the status and the previous set keeps running.
 */
public final class ActiveRuleSet implements AutoCloseable {

    private final RuleSetCompiler compiler;
    private final Clock clock;
    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();
    private final AtomicReference<RuleSetStatus> status = new AtomicReference<>();

    public ActiveRuleSet(RuleSetCompiler compiler, Clock clock) {
        this.compiler = compiler;
        this.clock = clock;
    }

    /**
     * Compiles the files and, if they are valid, makes them the active set.
     *
     * @throws InvalidRuleSetException when they are not; the active set, if any, is unchanged
     */
    public CompiledRuleSet load(String origin, Supplier<List<RuleFile>> files) {
        try {
            var compiled = compiler.compile(origin, files.get());
            var previous = current.getAndSet(compiled);
            status.set(new RuleSetStatus(RuleSetStatus.Outcome.LOADED, origin, clock.instant(), List.of()));
            if (previous != null) {
                // A story still being matched on the old set fails and is retried on the new one.
                previous.close();
            }
            return compiled;
        } catch (InvalidRuleSetException e) {
            status.set(new RuleSetStatus(RuleSetStatus.Outcome.REJECTED, origin, clock.instant(),
                    e.problems().stream().map(RuleProblem::toString).toList()));
            throw e;
        } catch (RuntimeException e) {
            status.set(new RuleSetStatus(RuleSetStatus.Outcome.REJECTED, origin, clock.instant(),
                    List.of(String.valueOf(e.getMessage()))));
            throw e;
        }
    }

    public CompiledRuleSet current() {
        return Objects.requireNonNull(current.get(), "no rule set has been loaded");
    }

    public RuleSetStatus status() {
        return status.get();
    }

    public Classification classify(StoryText story) {
        return current().classify(story);
    }

    @Override
    public void close() {
        var last = current.getAndSet(null);
        if (last != null) {
            last.close();
        }
    }
}
