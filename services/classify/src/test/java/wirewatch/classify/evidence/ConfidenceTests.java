package wirewatch.classify.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceTests {

    @Test
    void scoresASingleBodySentenceWithoutContextLow() {
        assertThat(Confidence.of(false, 1, 1.0, false)).isEqualTo(0.40, within(1e-9));
    }

    @Test
    void givesTitleHitsMoreWeightThanAnotherBodySentence() {
        assertThat(Confidence.of(true, 1, 1.0, false)).isEqualTo(0.65, within(1e-9));
        assertThat(Confidence.of(false, 2, 1.0, false)).isEqualTo(0.50, within(1e-9));
    }

    @Test
    void reachesOneOnlyWithTitleThreeSentencesAndContext() {
        assertThat(Confidence.of(true, 3, 1.0, true)).isEqualTo(1.0, within(1e-9));
        assertThat(Confidence.of(true, 10, 1.0, true)).isEqualTo(1.0, within(1e-9));
    }

    @Test
    void scalesByTheRuleWeightAndStaysWithinZeroAndOne() {
        assertThat(Confidence.of(true, 3, 0.5, true)).isEqualTo(0.5, within(1e-9));
        assertThat(Confidence.of(false, 0, 0.0, false)).isEqualTo(0.0, within(1e-9));
        for (int sentences = 0; sentences < 6; sentences++) {
            for (double weight : new double[] {0, 0.3, 1}) {
                assertThat(Confidence.of(sentences % 2 == 0, sentences, weight, sentences > 2)).isBetween(0.0, 1.0);
            }
        }
    }
}
