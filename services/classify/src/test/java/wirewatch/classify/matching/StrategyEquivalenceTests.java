package wirewatch.classify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import wirewatch.classify.evaluation.CorpusReader;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleLoader;
import wirewatch.classify.rules.RuleProblem;
import wirewatch.classify.rules.RuleSources;

/**
 * The term-filtered strategy must find exactly what Lucene Monitor finds: the same rules, the same hits, the
 * same errors, for every story of the corpora and every example of the default pack.
 */
class StrategyEquivalenceTests {

    @Test
    void termFilteredMatchingFindsWhatLuceneMonitorFindsForTheDefaultPack() throws IOException {
        var rules = new RuleLoader().read(RuleSources.defaultPack()).rules();
        var queries = parse(rules);
        var stories = new ArrayList<StoryText>(corpusStories());
        rules.forEach(rule -> Stream.concat(rule.match().stream(), rule.noMatch().stream())
                .forEach(example -> stories.add(new StoryText(example.title(), example.body()))));
        int matched = 0;

        try (var monitor = RuleMatcher.build(queries, RuleMatcher.Strategy.MONITOR);
                var termFiltered = RuleMatcher.build(queries, RuleMatcher.Strategy.TERM_FILTERED)) {
            for (StoryText story : stories) {
                var expected = monitor.match(story);
                assertThat(termFiltered.match(story)).as(story.title()).isEqualTo(expected);
                matched += expected.hits().isEmpty() ? 0 : 1;
            }
        }

        // not a comparison of two empty results: the corpora and the examples are full of matches
        assertThat(matched).isGreaterThan(stories.size() / 4);
    }

    private static List<StoryText> corpusStories() throws IOException {
        var stories = new ArrayList<StoryText>();
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList()) {
                new CorpusReader().read(file)
                        .forEach(story -> stories.add(new StoryText(story.title(), story.body())));
            }
        }
        assertThat(stories).hasSizeGreaterThan(250);
        return stories;
    }

    private static List<RuleQuery> parse(List<Rule> rules) {
        var parser = new RuleQueryParser();
        var problems = new ArrayList<RuleProblem>();
        var queries = rules.stream().map(rule -> parser.parse(rule, problems)).toList();
        assertThat(problems).isEmpty();
        return queries;
    }
}
