package wirewatch.classify.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.StoryText;

/** Keeps the benchmark input meaningful: generated rules must match some stories, in both engines alike. */
class WorkloadTests {

    @Test
    void generatedRulesMatchSomeButNotMostStoriesInBothEngines() {
        var stories = Workload.stories().subList(0, 101);
        var generated = Workload.generatedRules("1000");
        var regexRules = RegexBaselineBenchmark.RegexRule.compile(generated);
        int luceneMatches = 0;
        int regexMatches = 0;
        try (var ruleSet = Workload.compiledRuleSet("1000", RuleMatcher.DEFAULT_STRATEGY)) {
            for (StoryText story : stories) {
                luceneMatches += ruleSet.classify(story).matches().size();
                regexMatches += RegexBaselineBenchmark.RegexRule.matching(regexRules,
                        story.title() + "\n\n" + story.body()).size();
            }
        }

        // most news matches none of a thousand rules, as most wire copy is about something else
        assertThat(luceneMatches).isBetween(stories.size() / 20, stories.size());
        assertThat(regexMatches).isBetween(luceneMatches / 2, luceneMatches * 2);
    }

    @Test
    void bothMatchingStrategiesClassifyTheBenchmarkStoriesAlike() {
        var stories = Workload.stories();
        int matches = 0;
        try (var monitor = Workload.compiledRuleSet("1000", RuleMatcher.Strategy.MONITOR);
                var termFiltered = Workload.compiledRuleSet("1000", RuleMatcher.Strategy.TERM_FILTERED)) {
            for (StoryText story : stories) {
                var expected = monitor.classify(story);
                assertThat(termFiltered.classify(story)).isEqualTo(expected);
                matches += expected.matches().size();
            }
        }

        assertThat(matches).isGreaterThan(stories.size() / 10);
    }

    @Test
    void generatesTheSameRulesAndStoriesForTheSameSeed() {
        assertThat(NewsGenerator.rules(50, 1)).isEqualTo(NewsGenerator.rules(50, 1));
        assertThat(NewsGenerator.stories(20, 1)).isEqualTo(NewsGenerator.stories(20, 1));
        assertThat(NewsGenerator.rules(50, 1)).isNotEqualTo(NewsGenerator.rules(50, 2));
    }
}
