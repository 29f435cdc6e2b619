package wirewatch.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import wirewatch.ingest.story.InvalidStoryException.Violation;

class StoryNormaliserTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final StoryNormaliser normaliser = new StoryNormaliser(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void normalisesAStoryAndFillsInDefaults() {
        var story = normaliser.normalise(new StoryRequest(
                "https://WWW.Example.com/world/peace-terms?utm_source=rss#top",
                "<h1>Putin&rsquo;s   terms</h1>",
                "<p>He wants a pledge.</p><ul><li>neutrality</li><li>sanctions relief</li></ul>",
                null, null, null));

        // printf %s https://www.example.com/world/peace-terms | sha256sum | cut -c1-32
        assertThat(story.id()).isEqualTo("ca59db015bee0206aea48188d06bbb98");
        assertThat(story.url().value()).isEqualTo("https://www.example.com/world/peace-terms");
        assertThat(story.source()).isEqualTo("example.com");
        assertThat(story.title()).isEqualTo("Putin’s terms");
        assertThat(story.body()).isEqualTo("He wants a pledge.\n- neutrality\n- sanctions relief");
        assertThat(story.language()).isNull();
        assertThat(story.publishedAt()).isEqualTo(NOW);
        assertThat(story.ingestedAt()).isEqualTo(NOW);
    }

    @Test
    void keepsGivenSourcePublicationTimeAndLanguage() {
        var story = normaliser.normalise(new StoryRequest("https://example.com/a", "Title", null,
                " Reuters ", "2025-02-28T09:30:00+01:00", "EN-gb"));

        assertThat(story.source()).isEqualTo("Reuters");
        assertThat(story.publishedAt()).isEqualTo(Instant.parse("2025-02-28T08:30:00Z"));
        assertThat(story.language()).isEqualTo("en-GB");
        assertThat(story.body()).isEmpty();
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        assertThatThrownBy(() -> normaliser.normalise(new StoryRequest("ftp://example.com/a", " ", "body",
                null, "yesterday", "not a tag")))
                .isInstanceOfSatisfying(InvalidStoryException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("url", "title", "publishedAt", "language"));
    }
}
