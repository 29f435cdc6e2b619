package wirewatch.classify.benchmark;

import java.time.Clock;
import java.util.List;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.classifier.RuleSetsWithoutExamples;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.RuleLoader;
import wirewatch.classify.rules.RuleSources;

/** The benchmark inputs, the same for every engine: one fixed story list and rule sets by size. */
final class Workload {

    static final String DEFAULT_PACK = "default";
    static final long RULE_SEED = 20250520L;
    static final long STORY_SEED = 7L;
    static final int GENERATED_STORIES = 500;

    private Workload() {
    }

    static List<StoryText> stories() {
        return NewsGenerator.stories(GENERATED_STORIES, STORY_SEED);
    }

    static List<GeneratedRule> generatedRules(String size) {
        return NewsGenerator.rules(Integer.parseInt(size), RULE_SEED);
    }

    /**
     * The bundled pack as the service's own compiler builds it, examples included; generated sets have none.
     * The service always matches with {@link RuleMatcher#build(List) its default strategy}; any other is for
     * comparison, and skips the pack's examples, which the tests run.
     */
    static CompiledRuleSet compiledRuleSet(String size, RuleMatcher.Strategy strategy) {
        if (DEFAULT_PACK.equals(size)) {
            return strategy == RuleMatcher.DEFAULT_STRATEGY
                    ? new RuleSetCompiler(Clock.systemUTC()).compile("classpath:rules/", RuleSources.defaultPack())
                    : RuleSetsWithoutExamples.compile(DEFAULT_PACK,
                            new RuleLoader().read(RuleSources.defaultPack()).rules(), strategy);
        }
        return RuleSetsWithoutExamples.compile("generated-" + size,
                generatedRules(size).stream().map(GeneratedRule::toRule).toList(), strategy);
    }
}
