package wirewatch.classify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import wirewatch.classify.rules.Location;
import wirewatch.classify.rules.Rule;

/** Every strategy must behave alike, so each behaviour is checked with each. */
class RuleMatcherTests {

    private final RuleQueryParser parser = new RuleQueryParser();

    @ParameterizedTest
    @EnumSource(RuleMatcher.Strategy.class)
    void reportsTheHitsOfEveryMatchingPhraseOfARuleUnderTheRuleId(RuleMatcher.Strategy strategy) {
        var story = new StoryText("Kyiv rejects truce", "Moscow offered a ceasefire. Kyiv said a truce helps Russia.");

        try (var matcher = matcherOf(strategy, rule("truce", "truce OR ceasefire OR armistice", "kyiv", null))) {
            var hits = matcher.match(story).hits();

            assertThat(hits).containsOnlyKeys("truce");
            assertThat(hits.get("truce")).containsExactlyInAnyOrder(
                    new Hit(StoryField.TITLE, 13, 18),
                    new Hit(StoryField.BODY, 17, 26),
                    new Hit(StoryField.BODY, 40, 45));
        }
    }

    @ParameterizedTest
    @EnumSource(RuleMatcher.Strategy.class)
    void neverTakesContextHitsForEvidence(RuleMatcher.Strategy strategy) {
        var story = new StoryText("Ukraine talks", "Both sides agreed a truce.");

        try (var matcher = matcherOf(strategy, rule("truce", "truce", "ukraine", null))) {
            assertThat(matcher.match(story).hits().get("truce")).containsExactly(new Hit(StoryField.BODY, 20, 25));
        }
    }

    @ParameterizedTest
    @EnumSource(RuleMatcher.Strategy.class)
    void requiresTheContextAndHonoursTheExclusionForEveryPhrase(RuleMatcher.Strategy strategy) {
        try (var matcher = matcherOf(strategy, rule("truce", "truce OR ceasefire", "ukraine", "gaza"))) {
            assertThat(matcher.match(new StoryText("", "A truce was agreed.")).hits()).isEmpty();
            assertThat(matcher.match(new StoryText("", "A ceasefire in Ukraine and in Gaza.")).hits()).isEmpty();
            assertThat(matcher.match(new StoryText("", "A ceasefire in Ukraine.")).hits()).containsOnlyKeys("truce");
        }
    }

    @ParameterizedTest
    @EnumSource(RuleMatcher.Strategy.class)
    void honoursAPhraseExclusionOnlyWhenThePhraseIsThereNotJustItsWords(RuleMatcher.Strategy strategy) {
        try (var matcher = matcherOf(strategy, rule("truce", "truce", "ukraine", "\"gaza truce\"~1"))) {
            assertThat(matcher.match(new StoryText("", "A truce in Ukraine, as the Gaza truce holds.")).hits())
                    .isEmpty();
            assertThat(matcher.match(new StoryText("", "A truce in Ukraine; talks on Gaza go on.")).hits())
                    .containsOnlyKeys("truce");
        }
    }

    @ParameterizedTest
    @EnumSource(RuleMatcher.Strategy.class)
    void matchesWildcardQueriesThatMustBeRewrittenForEachStory(RuleMatcher.Strategy strategy) {
        try (var matcher = matcherOf(strategy, rule("sanctions", "sanction* AND lift*", "russia*", null))) {
            assertThat(matcher.match(new StoryText("", "Russian officials want sanctions lifted.")).hits())
                    .containsOnlyKeys("sanctions");
            assertThat(matcher.match(new StoryText("", "Officials want sanctions lifted.")).hits()).isEmpty();
        }
    }

    private RuleMatcher matcherOf(RuleMatcher.Strategy strategy, Rule rule) {
        var problems = new ArrayList<wirewatch.classify.rules.RuleProblem>();
        var query = parser.parse(rule, problems);
        assertThat(problems).isEmpty();
        return RuleMatcher.build(List.of(query), strategy);
    }

    private static Rule rule(String id, String query, String context, String exclude) {
        var location = new Location("test.yaml", 1);
        return new Rule(id, "CEASEFIRE", new Rule.Clause(query, location),
                context == null ? null : new Rule.Clause(context, location),
                exclude == null ? null : new Rule.Clause(exclude, location), 1.0, List.of(), List.of(), location);
    }
}
