package wirewatch.classify.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.classifier.RuleSetsWithoutExamples;
import wirewatch.classify.evaluation.CorpusReader;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.RuleLoader;
import wirewatch.classify.rules.RuleSources;

/** The benchmark inputs, the same for every engine: fixed story lists and rule sets by size. */
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

    /**
     * The labelled corpora's stories and the seed, what {@link PipelineBenchmark} feeds the service: most match,
     * so the evidence and stance of several rules are read for each.
     */
    static List<StoryText> corpusStories() {
        var corpus = Path.of("corpus");
        if (!Files.isDirectory(corpus)) {
            corpus = Path.of("services", "classify", "corpus");
        }
        var stories = new ArrayList<StoryText>();
        for (var file : List.of("dev.jsonl", "blind.jsonl", "heldout.jsonl")) {
            new CorpusReader().read(corpus.resolve(file))
                    .forEach(story -> stories.add(new StoryText(story.title(), story.body())));
        }
        try (var in = Workload.class.getResourceAsStream("/putin-peace-terms.txt")) {
            var seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int firstBreak = seed.indexOf('\n');
            stories.add(new StoryText(seed.substring(0, firstBreak), seed.substring(firstBreak + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stories;
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
