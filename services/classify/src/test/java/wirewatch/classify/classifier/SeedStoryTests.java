package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import wirewatch.events.Stance;

class SeedStoryTests {

    private final Classification classification = DefaultPack.RULES.classify(DefaultPack.seedStory());

    @Test
    void classifiesTheSeedIntoExactlyTheSixDemandedTerms() {
        assertThat(classification.categories()).containsExactly(
                "FROZEN_ASSETS", "NATO_NON_ENLARGEMENT", "NEUTRALITY", "RUSSIAN_SPEAKERS", "SANCTIONS_RELIEF",
                "TERRITORY");
        assertThat(classification.errors()).isEmpty();
    }

    @Test
    void doesNotMistakeOtherGuaranteesForSecurityGuaranteesNorTheWarForACeasefire() {
        assertThat(classification.categories()).doesNotContain("SECURITY_GUARANTEES", "CEASEFIRE");
    }

    @Test
    void everyMatchIsDemandedByRussia() {
        assertThat(classification.matches()).allSatisfy(match -> assertThat(match.stance())
                .as(match.ruleId()).isEqualTo(Stance.DEMANDED));
    }

    @Test
    void citesTheSentencesThatStateEachTerm() {
        var evidence = evidenceByCategory();
        assertThat(evidence.get("NATO_NON_ENLARGEMENT")).contains(
                "These terms include a written pledge from Western powers to halt NATO’s eastward expansion and "
                        + "the lifting of some sanctions imposed on Russia.",
                "Putin reportedly wants a formal assurance that NATO won’t admit Ukraine, Georgia, Moldova, or "
                        + "other former Soviet republics as members.");
        assertThat(evidence.get("NEUTRALITY")).contains(
                "Ukraine’s neutrality, meaning it would renounce any aspirations to join NATO or the European Union");
        assertThat(evidence.get("SANCTIONS_RELIEF")).contains(
                "The lifting of some Western sanctions against Russia");
        assertThat(evidence.get("FROZEN_ASSETS")).containsExactly(
                "A resolution to the issue of frozen Russian assets held in the West");
        assertThat(evidence.get("RUSSIAN_SPEAKERS")).containsExactly(
                "Guarantees for the protection of Russian speakers within Ukraine.");
        assertThat(evidence.get("TERRITORY")).contains(
                "He insists on controlling all four eastern Ukrainian regions claimed by Russia, including Crimea, "
                        + "which was annexed in 2014.");
    }

    @Test
    void neverCitesTheContextMentionsAsEvidence() {
        assertThat(classification.matches()).flatExtracting(Classification.RuleMatch::evidence)
                .doesNotContain("The Stakes Are High",
                        "The war in Ukraine has become a defining moment in international relations.");
    }

    private Map<String, List<String>> evidenceByCategory() {
        return classification.matches().stream().collect(Collectors.groupingBy(Classification.RuleMatch::category,
                Collectors.flatMapping(match -> match.evidence().stream(), Collectors.toList())));
    }
}
