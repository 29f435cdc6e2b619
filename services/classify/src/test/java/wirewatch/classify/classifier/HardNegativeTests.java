package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import wirewatch.classify.matching.StoryText;

/** Stories that sound like a category but are its documented "not this". */
class HardNegativeTests {

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EU extends sanctions on Russia for six months                             | SANCTIONS_RELIEF
            Russian forces took the village of Pishchane in Donetsk region            | TERRITORY
            NATO allies agreed to raise defence spending, citing the threat from Russia | NATO_NON_ENLARGEMENT
            Israel and Hamas agreed a ceasefire                                       | CEASEFIRE
            """)
    void doesNotClassifyTheLookAlike(String title, String category) {
        var classification = DefaultPack.RULES.classify(new StoryText(title, ""));

        assertThat(classification.categories()).doesNotContain(category);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            EU refuses to lift sanctions on Russia before a full withdrawal           | SANCTIONS_RELIEF | REJECTED
            Kyiv rejected neutrality as the price of peace with Russia                | NEUTRALITY       | REJECTED
            Russia and Ukraine agreed a 30-day energy ceasefire                      | CEASEFIRE        | AGREED
            Washington proposed easing sanctions on Russian fertiliser               | SANCTIONS_RELIEF | PROPOSED
            """)
    void classifiesTheRealThingWithItsStance(String title, String category, String stance) {
        var classification = DefaultPack.RULES.classify(new StoryText(title, ""));

        assertThat(classification.matches()).filteredOn(match -> match.category().equals(category))
                .isNotEmpty()
                .allSatisfy(match -> assertThat(match.stance()).hasToString(stance));
    }
}
