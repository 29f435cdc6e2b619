package wirewatch.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the report, on confusion counts whose scores are worked out by hand. */
class ScoringTests {

    private static final double EXACT = 1e-12;

    @Test
    void scoresACategoryFromItsConfusionCounts() {
        // 6 labelled stories, 4 found, 2 stories matched wrongly: P = 4/6, R = 4/6, F1 = 8/12.
        var score = new CategoryScore("CEASEFIRE", 4, 2, 2);

        assertThat(score.support()).isEqualTo(6);
        assertThat(score.precision()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(score.recall()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(score.f1()).isCloseTo(2.0 / 3, within(EXACT));
    }

    @Test
    void f1IsTheHarmonicMeanOfPrecisionAndRecall() {
        // P = 9/10, R = 9/12 = 3/4; harmonic mean 2·0.9·0.75 / 1.65 = 18/22.
        var score = new CategoryScore("TERRITORY", 9, 1, 3);

        assertThat(score.precision()).isCloseTo(0.9, within(EXACT));
        assertThat(score.recall()).isCloseTo(0.75, within(EXACT));
        assertThat(score.f1()).isCloseTo(18.0 / 22, within(EXACT));
    }

    @Test
    void aCategoryNeverPredictedHasNoPrecisionAndScoresZero() {
        var score = new CategoryScore("NEUTRALITY", 0, 0, 3);

        assertThat(score.precision()).isNaN();
        assertThat(score.recall()).isZero();
        assertThat(score.f1()).isZero();
        assertThat(score.scored()).isTrue();
    }

    @Test
    void aCategoryWithOnlyFalsePositivesHasNoRecallAndScoresZero() {
        var score = new CategoryScore("FROZEN_ASSETS", 0, 2, 0);

        assertThat(score.precision()).isZero();
        assertThat(score.recall()).isNaN();
        assertThat(score.f1()).isZero();
        assertThat(score.scored()).isTrue();
    }

    @Test
    void aCategoryNeitherLabelledNorPredictedIsNotScored() {
        var score = new CategoryScore("RUSSIAN_SPEAKERS", 0, 0, 0);

        assertThat(score.f1()).isNaN();
        assertThat(score.scored()).isFalse();
    }

    @Test
    void averagesOverTheScoredCategories() {
        // A: P 1, R 1/2, F1 2/3; B: P -, R 0, F1 0; C: P 3/4, R 1, F1 6/7.
        var evaluation = evaluation(List.of(
                new CategoryScore("A", 1, 0, 1),
                new CategoryScore("B", 0, 0, 2),
                new CategoryScore("C", 3, 1, 0)));

        assertThat(evaluation.macroF1()).isCloseTo((2.0 / 3 + 0 + 6.0 / 7) / 3, within(EXACT));
        assertThat(evaluation.macroPrecision()).isCloseTo((1 + 0 + 0.75) / 3, within(EXACT));
        assertThat(evaluation.macroRecall()).isCloseTo((0.5 + 0 + 1) / 3, within(EXACT));
        // Summed: TP 4, FP 1, FN 3.
        assertThat(evaluation.micro()).isEqualTo(new CategoryScore("micro", 4, 1, 3));
        assertThat(evaluation.micro().precision()).isCloseTo(0.8, within(EXACT));
        assertThat(evaluation.micro().recall()).isCloseTo(4.0 / 7, within(EXACT));
        assertThat(evaluation.micro().f1()).isCloseTo(8.0 / 12, within(EXACT));
    }

    @Test
    void aPerfectRunScoresOne() {
        var evaluation = evaluation(List.of(new CategoryScore("A", 5, 0, 0), new CategoryScore("B", 1, 0, 0)));

        assertThat(evaluation.macroF1()).isEqualTo(1.0);
    }

    @Test
    void addsUpStanceAccuracyOverCategories() {
        var evaluation = new Evaluation("rules", "sha256:0", 2, "corpus", 10, 2, List.of(), List.of(), List.of(),
                List.of(), List.of(new StanceScore("A", 3, 4), new StanceScore("B", 1, 4)), List.of(), List.of());

        assertThat(evaluation.overallStance().correct()).isEqualTo(4);
        assertThat(evaluation.overallStance().labelled()).isEqualTo(8);
        assertThat(evaluation.overallStance().accuracy()).isEqualTo(0.5);
    }

    @Test
    void printsThreeDecimalsWhateverTheLocaleAndADashForUndefined() {
        assertThat(EvaluationReport.decimal(2.0 / 3)).isEqualTo("0.667");
        assertThat(EvaluationReport.decimal(0.9995)).isEqualTo("1.000");
        assertThat(EvaluationReport.decimal(0)).isEqualTo("0.000");
        assertThat(EvaluationReport.decimal(Double.NaN)).isEqualTo("-");
    }

    private static Evaluation evaluation(List<CategoryScore> scores) {
        return new Evaluation("rules", "sha256:0", 3, "corpus", 10, 2, scores, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
