package wirewatch.classify.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The baseline: one {@link Pattern} per rule, each run over every story, the way a classifier without an
 * index of its queries works. It only decides which rules match (no evidence), so it does less per match than
 * {@link ClassifyBenchmark}. Iterations are long enough for several stories even at 100,000 rules.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class RegexBaselineBenchmark {

    @Param({"100", "1000", "10000", "100000"})
    public String rules;

    private List<RegexRule> regexRules;
    private List<String> stories;
    private int next;

    @Setup(Level.Trial)
    public void compile() {
        regexRules = RegexRule.compile(Workload.generatedRules(rules));
        stories = Workload.stories().stream().map(story -> story.title() + "\n\n" + story.body()).toList();
    }

    @Benchmark
    public List<String> classify() {
        var story = stories.get(next);
        next = (next + 1) % stories.size();
        return RegexRule.matching(regexRules, story);
    }

    /** A rule as patterns; context and exclusion patterns are shared between rules that spell them alike. */
    record RegexRule(String id, Pattern main, Pattern context, Pattern exclude) {

        static List<RegexRule> compile(List<GeneratedRule> rules) {
            var shared = new HashMap<String, Pattern>();
            return rules.stream()
                    .map(rule -> new RegexRule(rule.id(), rule.mainPattern(),
                            shared(rule.contextRegex(), shared), shared(rule.excludeRegex(), shared)))
                    .toList();
        }

        static List<String> matching(List<RegexRule> rules, String story) {
            var ids = new ArrayList<String>();
            for (RegexRule rule : rules) {
                if (rule.main.matcher(story).find()
                        && (rule.context == null || rule.context.matcher(story).find())
                        && (rule.exclude == null || !rule.exclude.matcher(story).find())) {
                    ids.add(rule.id);
                }
            }
            return ids;
        }

        private static Pattern shared(String regex, Map<String, Pattern> shared) {
            return regex == null ? null
                    : shared.computeIfAbsent(regex, text -> Pattern.compile(text, Pattern.CASE_INSENSITIVE));
        }
    }
}
