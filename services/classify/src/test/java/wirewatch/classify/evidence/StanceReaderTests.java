package wirewatch.classify.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.StoryField;
import wirewatch.classify.matching.StoryText;
import wirewatch.events.Stance;

class StanceReaderTests {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Kyiv rejected neutrality as a condition for talks.                          | neutrality | REJECTED
            Zelensky ruled out any deal on territory.                                  | territory  | REJECTED
            The West is unlikely to accept a deal on territory.                         | territory  | REJECTED
            Moscow demands neutrality for Ukraine.                                     | neutrality | DEMANDED
            Putin insists on control of the four regions.                              | regions    | DEMANDED
            Russia wants sanctions relief.                                             | sanctions  | DEMANDED
            Washington proposed a ceasefire.                                           | ceasefire  | PROPOSED
            France offered peacekeepers.                                               | peacekeepers | PROPOSED
            Both sides agreed an energy truce.                                         | truce      | AGREED
            The parties signed a ceasefire in Istanbul.                                | ceasefire  | AGREED
            The ceasefire held overnight.                                              | ceasefire  | REPORTED
            Kyiv rejected the truce, but agreed to talks on sanctions relief.          | sanctions  | AGREED
            Kyiv rejected the truce, and sanctions relief was discussed.               | sanctions  | REPORTED
            Moscow demands that Kyiv reject NATO membership.                           | NATO       | DEMANDED
            Kyiv rejected Moscow's demands for neutrality.                             | neutrality | REJECTED
            He is unwilling to compromise on territorial gains.                        | territorial | DEMANDED
            No ceasefire is on the table while the West arms Kyiv.                     | ceasefire  | REJECTED
            There will be no easing of sanctions before a withdrawal.                   | sanctions  | REJECTED
            Zelensky said Ukraine would not withdraw from Donbas.                       | Donbas     | REJECTED
            Kallas opposes any sanctions relief for Moscow.                             | sanctions  | REJECTED
            The conflict can only be settled if NATO expansion ends.                    | NATO       | DEMANDED
            Lavrov called on Kyiv to restore the status of the Russian language.        | Russian    | DEMANDED
            Orban said the EU should lift sanctions after a deal.                       | sanctions  | PROPOSED
            Ukraine is ready for a ceasefire on the current line.                       | ceasefire  | PROPOSED
            Washington is weighing relief for Aeroflot.                                 | relief     | PROPOSED
            """)
    void readsTheCueOfTheHitsClause(String sentence, String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Ukraine needs Article 5-like guarantees.                                    | guarantees | DEMANDED
            Kyiv's signature depends on binding security guarantees.                    | guarantees | DEMANDED
            Kyiv urged its allies to provide security guarantees.                       | guarantees | DEMANDED
            The status of Crimea is not up for negotiation.                             | Crimea     | DEMANDED
            Territorial concessions must not be imposed on Kyiv.                        | concessions | REJECTED
            Lifting sanctions now would be a historic mistake.                          | sanctions  | REJECTED
            Moscow warned that seizing its reserves would be illegal.                   | reserves   | REJECTED
            Russia's illegal annexation of Crimea began the war.                        | Crimea     | REPORTED
            The speaker said Ukraine will never be a neutral buffer state.              | neutral    | REJECTED
            Kyiv could accept a neutral status.                                         | neutral    | PROPOSED
            Moscow could itself be a guarantor of Ukraine's security.                   | guarantor  | PROPOSED
            Seizing the reserves could damage the euro.                                 | reserves   | REPORTED
            Britain transferred the profits of frozen assets to Kyiv.                   | frozen     | AGREED
            The energy truce took effect at midnight.                                   | truce      | AGREED
            The truce was violated within hours.                                        | truce      | REPORTED
            The energy truce expired on Friday.                                         | truce      | REPORTED
            The Kremlin denied that Putin had offered to give up territory.             | territory  | REPORTED
            The court upheld the language law.                                          | language   | REPORTED
            Sanctions relief was discussed in Riyadh.                                   | Sanctions  | REPORTED
            """)
    void readsTheCueWordsOfTheLabellingGuide(String sentence, String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Western troops would deploy after a ceasefire.                              | ceasefire  | REPORTED
            Brussels would ease sanctions once a truce is in place.                     | truce      | REPORTED
            If Moscow ever asked for sanctions relief, Brussels would be split.         | sanctions  | REPORTED
            Were sanctions ever lifted, European firms would return.                    | sanctions  | REPORTED
            Sanctions can come off if there is a deal.                                  | Sanctions  | PROPOSED
            The rouble rallied on hopes of sanctions relief.                            | sanctions  | REPORTED
            Will Kyiv accept a ceasefire?                                               | ceasefire  | REPORTED
            Relief can come only after a withdrawal from Donbas.                        | withdrawal | DEMANDED
            Washington will impose tariffs if Moscow does not agree to a ceasefire.     | ceasefire  | DEMANDED
            Kyiv could live with neutrality, provided the guarantees are binding.       | guarantees | DEMANDED
            """)
    void assertsNothingOfATermThatOnlyDatesOrSupposesSomethingUnlessItIsACondition(String sentence,
            String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kyiv did not reject the ceasefire proposal.                                 | ceasefire
            The Kremlin refused to rule out a ceasefire.                                | ceasefire
            Zelensky would not rule out a referendum on territory.                      | territory
            """)
    void doesNotReadARefusalToRefuseAsARejection(String sentence, String hitWord) {
        assertThat(stanceOf("", sentence, hitWord)).isNotEqualTo(Stance.REJECTED);
    }

    @Test
    void readsTheClauseAReportingVerbIntroducesNotTheVerbsBeforeIt() {
        var body = "Forty MPs signed a letter saying that renouncing NATO would be a capitulation.";

        assertThat(stanceOf("", body, "NATO")).isEqualTo(Stance.REJECTED);
        assertThat(stanceOf("", "No ceasefire is on the table, Nebenzia said.", "ceasefire"))
                .isEqualTo(Stance.REJECTED);
        assertThat(stanceOf("", "Ukraine will not renounce NATO, Zelensky said.", "NATO"))
                .isEqualTo(Stance.REJECTED);
    }

    @Test
    void doesNotCarryACueAcrossAContrast() {
        var body = "Kyiv agreed to most points of the framework, but territory remained open.";

        assertThat(stanceOf("", body, "territory")).isEqualTo(Stance.REPORTED);
    }

    @Test
    void takesALaterClauseWhenTheTermStandsBeforeItsVerb() {
        assertThat(stanceOf("", "Frozen assets: G7 agree to keep Russian reserves immobilised", "Frozen"))
                .isEqualTo(Stance.AGREED);
    }

    @Test
    void letsAVerbOutrankANounInALeadIn() {
        var body = """
                Zelensky listed the conditions Kyiv will not accept:
                - recognition of occupied territories as Russian
                - a ban on Ukraine joining alliances
                """;

        assertThat(stanceOf("", body, "alliances")).isEqualTo(Stance.REJECTED);
    }

    @Test
    void letsAVerbInAnyClauseOutrankANoun() {
        var body = "US plan: Ukraine to stay neutral; Kyiv agrees to most points";

        assertThat(stanceOf("", body, "neutral")).isEqualTo(Stance.AGREED);
    }

    @Test
    void takesTheCueOfTheLeadInLineForAListItem() {
        var body = """
                Putin's conditions reportedly involve:
                - Ukraine's neutrality
                - The lifting of some sanctions
                """;

        assertThat(stanceOf("", body, "sanctions")).isEqualTo(Stance.DEMANDED);
    }

    @Test
    void fallsBackOnAHeadlineThatFramesTheStoryAsDemands() {
        var body = "Frozen assets are also on the list.";

        assertThat(stanceOf("What Putin wants from a peace deal", body, "Frozen")).isEqualTo(Stance.DEMANDED);
        assertThat(stanceOf("Peace talks resume in Geneva", body, "Frozen")).isEqualTo(Stance.REPORTED);
    }

    private static Stance stanceOf(String title, String body, String hitWord) {
        var sentences = new SentenceSplitter().split(new StoryText(title, body));
        int offset = body.indexOf(hitWord);
        var sentence = sentences.containing(StoryField.BODY, offset).orElseThrow();
        return new StanceReader(sentences).stanceOf(List.of(new StanceReader.HitInSentence(sentence, offset)));
    }
}
