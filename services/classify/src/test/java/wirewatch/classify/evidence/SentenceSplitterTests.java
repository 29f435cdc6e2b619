package wirewatch.classify.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.StoryField;
import wirewatch.classify.matching.StoryText;

class SentenceSplitterTests {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsSentencesAndMakesHeadingsAndListItemsTheirOwn() {
        var body = """
                Other Key Conditions
                Talks resumed in Geneva. Mr. Witkoff attended.
                Putin's conditions involve:
                - Ukraine's neutrality
                • The lifting of some sanctions.
                """;

        var sentences = splitter.split(new StoryText("A title", body)).all();

        assertThat(sentences).extracting(Sentence::text).containsExactly(
                "A title",
                "Other Key Conditions",
                "Talks resumed in Geneva.",
                "Mr. Witkoff attended.",
                "Putin's conditions involve:",
                "Ukraine's neutrality",
                "The lifting of some sanctions.");
        assertThat(sentences).extracting(Sentence::bullet)
                .containsExactly(false, false, false, false, false, true, true);
    }

    @Test
    void keepsOffsetsIntoTheOriginalFieldText() {
        var body = "First line.\r\n  - An item\nLast one. Really last.";

        var sentences = splitter.split(new StoryText("", body)).all();

        assertThat(sentences).allSatisfy(sentence -> {
            assertThat(sentence.field()).isEqualTo(StoryField.BODY);
            assertThat(body.substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        });
        assertThat(sentences).extracting(Sentence::text)
                .containsExactly("First line.", "An item", "Last one.", "Really last.");
    }

    @Test
    void findsTheLeadInOfAListItemOnlyWhenItEndsWithAColon() {
        var story = splitter.split(new StoryText("", """
                Putin's conditions reportedly involve:
                - neutrality
                - sanctions relief
                Analysts were sceptical.
                - a stray item
                """));
        var items = story.all().stream().filter(Sentence::bullet).toList();

        assertThat(story.leadIn(items.get(0))).map(Sentence::text).contains("Putin's conditions reportedly involve:");
        assertThat(story.leadIn(items.get(1))).map(Sentence::text).contains("Putin's conditions reportedly involve:");
        assertThat(story.leadIn(items.get(2))).isEmpty();
    }
}
