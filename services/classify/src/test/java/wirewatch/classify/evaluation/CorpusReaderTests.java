package wirewatch.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirewatch.events.Stance;

class CorpusReaderTests {

    private final CorpusReader reader = new CorpusReader();

    @Test
    void readsStoriesWithLabelsAndStancesIgnoringOtherFieldsAndBlankLines() throws IOException {
        var corpus = """
                {"id": "a", "title": "Truce", "body": "Kyiv agreed a truce.", "labels": ["CEASEFIRE"], "stance": {"CEASEFIRE": "AGREED"}, "url": "https://example.com/a"}

                {"id": "b", "title": "EU extends sanctions", "labels": []}
                {"id": "c", "body": "Only a body.", "labels": ["TERRITORY", "CEASEFIRE"]}
                """;

        var stories = reader.read("corpus.jsonl", new StringReader(corpus));

        assertThat(stories).containsExactly(
                new LabelledStory("a", "Truce", "Kyiv agreed a truce.", new TreeSet<>(List.of("CEASEFIRE")),
                        Map.of("CEASEFIRE", Stance.AGREED)),
                new LabelledStory("b", "EU extends sanctions", "", new TreeSet<>(), Map.of()),
                new LabelledStory("c", "", "Only a body.", new TreeSet<>(List.of("CEASEFIRE", "TERRITORY")),
                        Map.of()));
    }

    @Test
    void rejectsALineThatIsNotJsonNamingItsLine() {
        var corpus = """
                {"id": "a", "title": "Truce", "labels": []}
                {"id": "b", "title": "Truce", "labels": [}
                """;

        assertThatThrownBy(() -> reader.read("corpus.jsonl", new StringReader(corpus)))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("corpus.jsonl:2: not valid JSON: ");
    }

    @Test
    void rejectsTwoObjectsOnOneLine() {
        assertThatThrownBy(() -> reader.read("corpus.jsonl", new StringReader(
                "{\"id\": \"a\", \"title\": \"T\", \"labels\": []} {\"id\": \"b\"}\n")))
                .hasMessageStartingWith("corpus.jsonl:1: not valid JSON: ");
    }

    @Test
    void rejectsAStoryWithoutLabelsRatherThanTakingItForANegative() {
        assertThatThrownBy(() -> reader.read("corpus.jsonl", new StringReader("{\"id\": \"a\", \"title\": \"T\"}\n")))
                .hasMessage("corpus.jsonl:1: story 'a': \"labels\" must be a list of categories ([] for a negative)");
    }

    @Test
    void rejectsMissingIdsAndEmptyStories() {
        assertThatThrownBy(() -> reader.read("c.jsonl", new StringReader("{\"title\": \"T\", \"labels\": []}\n")))
                .hasMessage("c.jsonl:1: the story has no \"id\"");
        assertThatThrownBy(() -> reader.read("c.jsonl", new StringReader("{\"id\": \"x\", \"labels\": []}\n")))
                .hasMessage("c.jsonl:1: story 'x' has neither a \"title\" nor a \"body\"");
        assertThatThrownBy(() -> reader.read("c.jsonl", new StringReader("[1, 2]\n")))
                .hasMessage("c.jsonl:1: expected one JSON object per line");
    }

    @Test
    void rejectsADuplicateIdNamingBothLines() {
        var corpus = """
                {"id": "a", "title": "One", "labels": []}
                {"id": "b", "title": "Two", "labels": []}
                {"id": "a", "title": "Three", "labels": []}
                """;

        assertThatThrownBy(() -> reader.read("corpus.jsonl", new StringReader(corpus)))
                .hasMessage("corpus.jsonl:3: duplicate id 'a' (first on line 1)");
    }

    @Test
    void rejectsAnUnknownStanceAndAStanceForACategoryNotLabelled() {
        assertThatThrownBy(() -> reader.read("c.jsonl", new StringReader(
                "{\"id\": \"a\", \"title\": \"T\", \"labels\": [\"CEASEFIRE\"], \"stance\": {\"CEASEFIRE\": \"AGREE\"}}\n")))
                .hasMessage("c.jsonl:1: story 'a': stance of CEASEFIRE must be one of DEMANDED, PROPOSED, AGREED, "
                        + "REJECTED, REPORTED, was \"AGREE\"");
        assertThatThrownBy(() -> reader.read("c.jsonl", new StringReader(
                "{\"id\": \"a\", \"title\": \"T\", \"labels\": [], \"stance\": {\"CEASEFIRE\": \"AGREED\"}}\n")))
                .hasMessage("c.jsonl:1: story 'a': stance given for CEASEFIRE, which is not among its labels []");
    }

    @Test
    void namesAMissingFile(@TempDir Path directory) {
        var missing = directory.resolve("missing.jsonl");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("no corpus file at " + missing);
    }
}
