package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TextSketchTests {

    private static final String STORY = """
            Negotiators met in Geneva on Monday for a third round of talks. They discussed prisoner exchanges.
            A spokesman said the talks were constructive.""";

    @Test
    void shinglesFourWordRunsWithinSentences() {
        // "negotiators met in geneva on monday for a third round of talks": 12 words, 9 runs of four;
        // "they discussed prisoner exchanges": 1; "a spokesman said the talks were constructive": 4.
        assertThat(TextSketch.of(STORY).size()).isEqualTo(14);
    }

    @Test
    void ignoresCasePunctuationAndTheOrderOfSentencesAndLines() {
        var reordered = """
                A SPOKESMAN SAID THE TALKS WERE CONSTRUCTIVE!
                They discussed prisoner exchanges; negotiators met in Geneva on Monday, for a third round of talks.""";

        var original = TextSketch.of(STORY);
        var copy = TextSketch.of(reordered.replace(";", "."));

        assertThat(copy.sharedWith(original)).isEqualTo(14);
        assertThat(copy.bands()).containsExactly(original.bands());
    }

    @Test
    void makesAShortSentenceOneShingle() {
        var sketch = TextSketch.of("Putin wants a pledge.");

        assertThat(sketch.size()).isEqualTo(1);
        assertThat(sketch.sharedWith(TextSketch.of("putin WANTS a “pledge”"))).isEqualTo(1);
    }

    @Test
    void isEmptyWithoutWords() {
        assertThat(TextSketch.of("").isEmpty()).isTrue();
        assertThat(TextSketch.of(null).isEmpty()).isTrue();
        assertThat(TextSketch.of(" -- … \n ").isEmpty()).isTrue();
        assertThat(TextSketch.of(STORY).isEmpty()).isFalse();
    }

    @Test
    void setsAsideLinesButNeverAllOfThem() {
        var story = TextSketch.of(STORY);
        var signOff = TextSketch.of("Reporting by Anna Kowalski; Editing by Mark Heinrich");
        var signed = TextSketch.of(STORY + "\nReporting by Anna Kowalski; Editing by Mark Heinrich");
        var signOffLine = signOff.lineHashes()[0];

        assertThat(signed.lineHashes()).hasSize(3).contains(signOffLine);
        assertThat(signed.without(Set.of(signOffLine)).sharedWith(story)).isEqualTo(14);
        assertThat(signed.without(Set.of(signOffLine)).size()).isEqualTo(14);
        assertThat(signOff.without(Set.of(signOffLine)).size()).isEqualTo(signOff.size());
    }

    @Test
    void givesOneBandKeyPerBandAndDifferentKeysToDifferentText() {
        var bands = TextSketch.of("Putin wants a pledge.").bands();
        var other = TextSketch.of("Farmers expect a record harvest.").bands();

        assertThat(bands).hasSize(MinHash.BANDS).doesNotContain(other);
    }
}
