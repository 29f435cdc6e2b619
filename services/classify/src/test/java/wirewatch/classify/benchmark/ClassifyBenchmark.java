package wirewatch.classify.benchmark;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import wirewatch.classify.classifier.Classification;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;

/**
 * Stories per second on one thread through the service's full classification path: matching with hit offsets,
 * then evidence sentences, stance and confidence for every matching rule. One operation is one story; the
 * stories are cycled in a fixed order. {@code strategy} selects how rule parts are selected for verification:
 * the service's term filter, or Lucene Monitor's presearcher for comparison (same results, see
 * {@code StrategyEquivalenceTests}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class ClassifyBenchmark {

    @Param({Workload.DEFAULT_PACK, "100", "1000", "10000", "100000"})
    public String rules;

    @Param({"TERM_FILTERED"})
    public RuleMatcher.Strategy strategy;

    private CompiledRuleSet ruleSet;
    private List<StoryText> stories;
    private int next;

    @Setup(Level.Trial)
    public void compile() {
        ruleSet = Workload.compiledRuleSet(rules, strategy);
        stories = Workload.stories();
    }

    @TearDown(Level.Trial)
    public void close() {
        ruleSet.close();
    }

    @Benchmark
    public Classification classify() {
        var story = stories.get(next);
        next = (next + 1) % stories.size();
        return ruleSet.classify(story);
    }
}
