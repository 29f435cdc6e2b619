package wirewatch.classify.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;

/**
 * {@link ClassifyBenchmark}'s workload timed by the CPU time of the classifying thread instead of the wall
 * clock: stories per CPU second is what one core would do, and a machine shared with other work disturbs it far
 * less than it disturbs JMH's throughput, which counts every moment the thread waits for a core. Less rigorous
 * than JMH otherwise (no forks per size, no blackhole), so it complements the benchmark and never replaces it.
 *
 * <p>Arguments: rule set sizes as {@link ClassifyBenchmark} takes them ({@code default 100 100000}); system
 * properties {@code strategy} (default: the service's), {@code warmup} and {@code measure} (CPU seconds,
 * default 10 and 10), {@code stories} ({@code corpus} for the labelled corpora's, most of which match, instead of
 * the generated wire stories).
 */
public final class CpuTimeThroughput {

    private static final int STORIES_PER_CHECK = 50;

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        var threads = ManagementFactory.getThreadMXBean();
        var strategy = RuleMatcher.Strategy.valueOf(
                System.getProperty("strategy", RuleMatcher.DEFAULT_STRATEGY.name()));
        double warmup = Double.parseDouble(System.getProperty("warmup", "10"));
        double measure = Double.parseDouble(System.getProperty("measure", "10"));
        var stories = "corpus".equals(System.getProperty("stories")) ? Workload.corpusStories() : Workload.stories();
        for (String size : args) {
            try (var ruleSet = Workload.compiledRuleSet(size, strategy)) {
                var run = new Run(ruleSet, stories);
                run.classifyFor(warmup, threads);
                var measured = run.classifyFor(measure, threads);
                System.out.printf("%s %s rules: %,.0f stories per CPU second (%,d stories, %,d matches)%n",
                        strategy, size, measured.stories() / measured.cpuSeconds(), measured.stories(),
                        measured.matches());
            }
        }
    }

    private record Measured(long stories, long matches, double cpuSeconds) {
    }

    private static final class Run {

        private final CompiledRuleSet ruleSet;
        private final List<StoryText> stories;
        private int next;

        Run(CompiledRuleSet ruleSet, List<StoryText> stories) {
            this.ruleSet = ruleSet;
            this.stories = stories;
        }

        Measured classifyFor(double cpuSeconds, ThreadMXBean threads) {
            long start = threads.getCurrentThreadCpuTime();
            long budget = (long) (cpuSeconds * 1e9);
            long classified = 0;
            long matches = 0;
            long elapsed;
            while ((elapsed = threads.getCurrentThreadCpuTime() - start) < budget) {
                for (int i = 0; i < STORIES_PER_CHECK; i++) {
                    matches += ruleSet.classify(stories.get(next)).matches().size();
                    next = (next + 1) % stories.size();
                }
                classified += STORIES_PER_CHECK;
            }
            return new Measured(classified, matches, elapsed / 1e9);
        }
    }
}
