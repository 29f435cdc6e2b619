package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wirewatch.classify.rules.Rule;

/**
 * The pack compiling at all means every rule's own examples behaved (the compiler rejects a set whose examples
 * fail); these tests pin what the pack must cover.
 */
class DefaultRulePackTests {

    @Test
    void coversAllEightCategoriesOfTheDesign() {
        assertThat(DefaultPack.RULES.ruleSet().rules()).extracting(Rule::category).containsOnly(
                "NATO_NON_ENLARGEMENT", "NEUTRALITY", "SANCTIONS_RELIEF", "FROZEN_ASSETS", "RUSSIAN_SPEAKERS",
                "TERRITORY", "SECURITY_GUARANTEES", "CEASEFIRE")
                .contains("NATO_NON_ENLARGEMENT", "NEUTRALITY", "SANCTIONS_RELIEF", "FROZEN_ASSETS",
                        "RUSSIAN_SPEAKERS", "TERRITORY", "SECURITY_GUARANTEES", "CEASEFIRE");
    }

    @Test
    void everyRuleCarriesSeveralExamplesEachWay() {
        assertThat(DefaultPack.RULES.ruleSet().rules()).allSatisfy(rule -> {
            assertThat(rule.match()).as(rule.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(rule.noMatch()).as(rule.id()).hasSizeGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void isVersionedByContentHash() {
        assertThat(DefaultPack.RULES.version()).matches("sha256:[0-9a-f]{64}");
    }
}
