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

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Fico will block the renewal unless curbs on Russian gas are eased.          | curbs      | DEMANDED
            Zelensky offered to drop the NATO bid in exchange for Western guarantees.   | guarantees | DEMANDED
            Washington could ease sanctions if Moscow agrees to a full ceasefire.       | ceasefire  | DEMANDED
            Senators urged him to keep sanctions before Moscow agrees to a ceasefire.   | ceasefire  | DEMANDED
            Trump threatens sanctions if Moscow rejects a ceasefire.                    | ceasefire  | DEMANDED
            The Kremlin denied Putin offered Kharkiv villages in exchange for Donetsk.  | Donetsk    | REPORTED
            """)
    void readsATermAsDemandedWhenItIsThePriceOfSomething(String sentence, String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Peskov said Ukraine's membership of NATO remained unacceptable.             | membership | DEMANDED
            Putin repeated that NATO membership was out of the question for Kyiv.       | membership | DEMANDED
            Witkoff said Ukraine's accession to NATO was not on the table.              | accession  | PROPOSED
            An op-ed in Washington: a settlement that rules out membership is better.   | membership | PROPOSED
            Kyiv rejected a ban on membership in the US draft.                          | ban        | REJECTED
            Poland said NATO's door must stay open to Ukraine.                           | door       | REJECTED
            Lavrov demanded that NATO abandon its open-door policy.                     | open-door  | DEMANDED
            Washington assured Moscow that NATO will not admit Ukraine.                 | NATO       | AGREED
            Ukraine's NATO aspirations are not up for discussion, the speaker said.    | NATO       | REJECTED
            Moscow demands that Kyiv drop its NATO aspirations.                         | NATO       | DEMANDED
            """)
    void readsARefusalOfMembershipByWhoRefusesIt(String sentence, String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Ukrainian officials pushed back on a clause that would bar Ukraine from NATO. | NATO     | REJECTED
            Lifting restrictions on fertiliser exports is not on the agenda.            | restrictions | REJECTED
            Kyiv's positions include no withdrawal from territory it holds.             | territory  | REJECTED
            Moscow said there must be no European troops in Ukraine under any pretext.  | troops     | REJECTED
            The speaker said parliament will not drop the NATO goal from the constitution. | NATO    | REJECTED
            Senators warned against rolling back Russia sanctions.                      | sanctions  | REJECTED
            The US plan would require Kyiv to cede the rest of Donetsk.                 | Donetsk    | PROPOSED
            Putin announced an Easter truce on Saturday.                                | truce      | PROPOSED
            The US may scrap some Russia sanctions.                                     | sanctions  | PROPOSED
            Twenty-six countries pledged to guarantee Ukraine's security.               | security   | AGREED
            The Treasury extended a waiver for Gazprombank payments.                    | Gazprombank | AGREED
            OFAC issued a general licence for Russian bank transactions.                | licence    | AGREED
            Any agreement would have to be guaranteed by third parties.                 | guaranteed | DEMANDED
            Peskov said Russia was not asking anyone to lift sanctions.                 | sanctions  | REPORTED
            """)
    void readsTheCuesReportersUseForTheTalks(String sentence, String hitWord, Stance expected) {
        assertThat(stanceOf("", sentence, hitWord)).isEqualTo(expected);
    }

    @Test
    void readsAListUnderALeadInThatNamesDemandsAsDemandsWhateverWasDoneWithThem() {
        var body = """
                EU foreign ministers agreed a set of principles for any settlement:
                - robust security guarantees for Ukraine
                - no easing of sanctions before a comprehensive agreement
                """;

        assertThat(stanceOf("", body, "security")).isEqualTo(Stance.DEMANDED);
        assertThat(stanceOf("", body, "sanctions")).isEqualTo(Stance.REJECTED);
    }

    @Test
    void leavesARefusalOfMembershipThatNoOneIsNamedToMakeToTheLeadIn() {
        var body = """
                Putin listed his conditions:
                - Kyiv to declare it will not join NATO and adopt a neutral status
                """;

        assertThat(stanceOf("", body, "neutral")).isEqualTo(Stance.DEMANDED);
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
