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
