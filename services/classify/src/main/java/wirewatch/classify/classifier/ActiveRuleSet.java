package wirewatch.classify.classifier;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleFile;
import wirewatch.classify.rules.RuleProblem;
import wirewatch.classify.rules.RuleSetVersion;

/**
 * The rule set in use. Loading builds a complete new {@link CompiledRuleSet} off to the side and swaps it in
 * with one atomic write, so every story is classified by exactly one version; a set that fails to compile is
 * recorded in the history and the previous set keeps running. A replaced set is closed once the stories still
 * being matched on it are done (see {@link CompiledRuleSet}).
 */
public final class ActiveRuleSet implements AutoCloseable {

    /** Enough to see a burst of failed edits and the last good one in {@code GET /api/rules}. */
    static final int HISTORY_SIZE = 10;

    private final RuleSetCompiler compiler;
    private final Clock clock;
    private final AtomicReference<CompiledRuleSet> current = new AtomicReference<>();
    private final Deque<RuleSetStatus> history = new ArrayDeque<>();

    public ActiveRuleSet(RuleSetCompiler compiler, Clock clock) {
        this.compiler = compiler;
        this.clock = clock;
    }

    /**
     * Compiles the files and, if they are valid, makes them the active set; for startup, where an invalid set
     * must stop the service.
     *
     * @throws InvalidRuleSetException when they are not; the active set, if any, is unchanged
     */
    public CompiledRuleSet load(String origin, Supplier<List<RuleFile>> files) {
        var attempt = attempt(origin, files);
        if (attempt.failure() != null) {
            throw attempt.failure();
        }
        return current();
    }

    /**
     * Like {@link #load} but never throws: the outcome, with its problems, is returned and kept in the
     * history. Files identical to the active set, or to the set last rejected, are not compiled again.
     */
    public RuleSetStatus reload(String origin, Supplier<List<RuleFile>> files) {
        return attempt(origin, files).status();
    }

    private record Attempt(RuleSetStatus status, RuntimeException failure) {
    }

    private synchronized Attempt attempt(String origin, Supplier<List<RuleFile>> source) {
        List<RuleFile> files;
        try {
            files = source.get();
        } catch (RuntimeException e) {
            return rejected(origin, null, List.of(describe(e)), e);
        }
        var version = RuleSetVersion.of(files);
        var active = current.get();
        var last = history.peekLast();
        if (active != null && active.version().equals(version)) {
            var unchanged = status(RuleSetStatus.Outcome.UNCHANGED, origin, version, List.of());
            if (last != null && last.outcome() == RuleSetStatus.Outcome.REJECTED) {
                // the files went back to the active set: the rejection no longer describes them
                record(unchanged);
            }
            return new Attempt(unchanged, null);
        }
        if (last != null && last.outcome() == RuleSetStatus.Outcome.REJECTED && version.equals(last.version())) {
            return new Attempt(status(RuleSetStatus.Outcome.UNCHANGED, origin, version, last.problems()), null);
        }
        try {
            var compiled = compiler.compile(origin, files);
            var previous = current.getAndSet(compiled);
            if (previous != null) {
                previous.close();
            }
            return new Attempt(record(status(RuleSetStatus.Outcome.APPLIED, origin, version, List.of())), null);
        } catch (InvalidRuleSetException e) {
            return rejected(origin, version, e.problems().stream().map(RuleProblem::toString).toList(), e);
        } catch (RuntimeException e) {
            return rejected(origin, version, List.of(describe(e)), e);
        }
    }

    private Attempt rejected(String origin, String version, List<String> problems, RuntimeException failure) {
        return new Attempt(record(status(RuleSetStatus.Outcome.REJECTED, origin, version, problems)), failure);
    }

    private RuleSetStatus status(RuleSetStatus.Outcome outcome, String origin, String version, List<String> problems) {
        return new RuleSetStatus(outcome, origin, version, clock.instant(), problems);
    }

    private RuleSetStatus record(RuleSetStatus status) {
        history.addLast(status);
        while (history.size() > HISTORY_SIZE) {
            history.removeFirst();
        }
        return status;
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public CompiledRuleSet current() {
        return Objects.requireNonNull(current.get(), "no rule set has been loaded");
    }

    /** The last recorded attempt. */
    public synchronized RuleSetStatus status() {
        return history.peekLast();
    }

    /** The last recorded attempts, oldest first. */
    public synchronized List<RuleSetStatus> history() {
        return List.copyOf(history);
    }

    /**
     * Classifies with the active set. A set replaced between reading the reference and acquiring it refuses
     * the story once it has closed; the next read then sees its successor.
     */
    public Classification classify(StoryText story) {
        while (true) {
            var classification = current().classifyIfOpen(story);
            if (classification.isPresent()) {
                return classification.get();
            }
        }
    }

    @Override
    public void close() {
        var last = current.getAndSet(null);
        if (last != null) {
            last.close();
        }
    }
}
