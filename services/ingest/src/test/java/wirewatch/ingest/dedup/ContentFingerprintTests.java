package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTests {

    @Test
    void hashesTitleAndBodyReducedToLowerCaseWords() {
        // printf 'peace terms\nputin wants a pledge' | sha256sum
        assertThat(ContentFingerprint.of("Peace terms", "Putin wants a pledge."))
                .hasValue("content-sha256:6322c78ffdf2d89a198c1482964eb643091efd1456b12c8bcf694ad5935befea");
    }

    @Test
    void isTheSameForCopiesThatDifferOnlyInTypographyAndSpacing() {
        var wire = ContentFingerprint.of("Putin’s terms", "He wants a “written” pledge —\nnow.");
        var copy = ContentFingerprint.of("PUTIN'S  TERMS", "He wants a \"written\" pledge - now");

        assertThat(wire).isPresent().isEqualTo(copy);
    }

    @Test
    void differsWhenTheWordsDiffer() {
        assertThat(ContentFingerprint.of("Peace terms", "Putin wants a pledge."))
                .isNotEqualTo(ContentFingerprint.of("Peace terms", "Putin rejects a pledge."));
    }

    @Test
    void givesNoKeyForAStoryWithoutBody() {
        assertThat(ContentFingerprint.of("Live updates", "")).isEmpty();
        assertThat(ContentFingerprint.of("Live updates", null)).isEmpty();
    }
}
