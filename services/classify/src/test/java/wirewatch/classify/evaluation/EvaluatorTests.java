package wirewatch.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wirewatch.classify.classifier.Classification.RuleMatch;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.rules.RuleSources;
import wirewatch.events.Stance;

/** The hand-worked evaluation of {@link TinyCorpus}. */
class EvaluatorTests {

    private static CompiledRuleSet rules;
    private static Evaluation evaluation;

    @BeforeAll
    static void evaluate() {
        rules = new RuleSetCompiler(Clock.systemUTC()).compile("tiny", RuleSources.fromDirectory(TinyCorpus.rules()));
        evaluation = new Evaluator().evaluate(rules, "tiny-corpus.jsonl", new CorpusReader().read(TinyCorpus.corpus()));
    }

    @AfterAll
    static void close() {
        rules.close();
    }

    @Test
    void countsEachCategoryOncePerStory() {
        assertThat(evaluation.categories()).containsExactly(
                new CategoryScore("CEASEFIRE", 2, 1, 1),
                new CategoryScore("GRAIN_CORRIDOR", 0, 0, 1),
                new CategoryScore("SANCTIONS_RELIEF", 1, 0, 1),
                new CategoryScore("TERRITORY", 0, 2, 0));
        assertThat(evaluation.unscored()).containsExactly("NEUTRALITY");
        assertThat(evaluation.storyCount()).isEqualTo(9);
        assertThat(evaluation.negativeCount()).isEqualTo(3);
    }

    @Test
    void averagesPerCategoryF1OverLabelledOrPredictedCategories() {
        assertThat(evaluation.macroF1()).isCloseTo((4.0 / 6 + 0 + 2.0 / 3 + 0) / 4, within(1e-12));
    }

    @Test
    void listsFalsePositivesWithTheRuleAndItsEvidence() {
        assertThat(evaluation.falsePositives()).extracting(Evaluation.FalsePositive::storyId,
                Evaluation.FalsePositive::category).containsExactly(
                        tuple("s03", "CEASEFIRE"), tuple("s06", "TERRITORY"), tuple("s07", "TERRITORY"));
        assertThat(evaluation.falsePositives().getFirst().matches()).singleElement().satisfies(match -> {
            assertThat(match.ruleId()).isEqualTo("truce");
            assertThat(match.evidence()).containsExactly(
                    "A truce between Armenia and Azerbaijan held, while in Ukraine the fighting went on.");
        });
    }

    @Test
    void listsFalseNegativesWithWhatTheStoryMatchedInstead() {
        assertThat(evaluation.falseNegatives()).containsExactly(
                new Evaluation.FalseNegative("s04", "CEASEFIRE", "Talks in Istanbul", List.of()),
                new Evaluation.FalseNegative("s06", "SANCTIONS_RELIEF", "Banks", List.of("TERRITORY")),
                new Evaluation.FalseNegative("s08", "GRAIN_CORRIDOR", "Grain corridor reopens", List.of()));
    }

    @Test
    void scoresStanceOnTruePositivesWithALabelledStance() {
        assertThat(evaluation.stances()).containsExactly(
                new StanceScore("CEASEFIRE", 1, 2), new StanceScore("SANCTIONS_RELIEF", 1, 1));
        assertThat(evaluation.overallStance()).isEqualTo(new StanceScore("overall", 2, 3));
        assertThat(evaluation.stanceMismatches()).singleElement().satisfies(mismatch -> {
            assertThat(mismatch.storyId()).isEqualTo("s02");
            assertThat(mismatch.expected()).isEqualTo(Stance.PROPOSED);
            assertThat(mismatch.match()).extracting(RuleMatch::ruleId, RuleMatch::stance)
                    .containsExactly("truce", Stance.DEMANDED);
        });
    }

    @Test
    void reportsNoRuleFailuresWhenEveryRuleRuns() {
        assertThat(evaluation.ruleFailures()).isEmpty();
    }
}
