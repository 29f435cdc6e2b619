package wirewatch.classify.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.Hit;
import wirewatch.classify.matching.StoryField;
import wirewatch.classify.matching.StoryText;
import wirewatch.events.Stance;

class StoryEvidenceTests {

    @Test
    void readsTheStanceWhereTheTermEndsWhenItStartsBeforeAReportingVerb() {
        var title = "Kyiv says neutrality is not on the table";
        // the phrase "kyiv neutrality"~2 hits both words; "says" opens a clause between them
        var hits = List.of(hitOf(title, "Kyiv"), hitOf(title, "neutrality"));

        var assessment = StoryEvidence.of(new StoryText(title, "")).assess(hits, 1.0, true);

        assertThat(assessment.stance()).isEqualTo(Stance.REJECTED);
        assertThat(assessment.evidence()).containsExactly(title);
    }

    @Test
    void readsTheStanceOfTheFirstTermNotOfAFarLaterHitInTheSameSentence() {
        var title = "Kyiv agreed to talks on a ceasefire, and Moscow later rejected any lifting of sanctions";
        var hits = List.of(hitOf(title, "ceasefire"), hitOf(title, "sanctions"));

        var assessment = StoryEvidence.of(new StoryText(title, "")).assess(hits, 1.0, true);

        assertThat(assessment.stance()).isEqualTo(Stance.AGREED);
    }

    private static Hit hitOf(String title, String word) {
        int start = title.indexOf(word);
        return new Hit(StoryField.TITLE, start, start + word.length());
    }
}
