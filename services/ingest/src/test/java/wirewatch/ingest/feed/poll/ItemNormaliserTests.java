package wirewatch.ingest.feed.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import wirewatch.ingest.feed.reader.FeedItem;

class ItemNormaliserTests {

    private static final Instant SEEN = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void makesAStoryOfPlainTextWithTheCanonicalUrlAndTheFeedAsSource() {
        var item = new FeedItem("urn:x:1", "Putin&rsquo;s  <b>terms</b>",
                "https://WWW.Example.com/world/terms?utm_source=rss&fbclid=abc#comments",
                "<p>Putin laid out&nbsp;his terms.</p><p>Kyiv said no.</p>",
                Instant.parse("2026-11-24T09:00:00Z"), null, "Desk");

        var story = ItemNormaliser.normalise(item, "Example World", SEEN).story();

        assertThat(story.url().value()).isEqualTo("https://www.example.com/world/terms");
        // printf %s 'https://www.example.com/world/terms' | sha256sum | cut -c1-32
        assertThat(story.id()).isEqualTo("349e063565a760f9302d42f5977b5eac");
        assertThat(story.title()).isEqualTo("Putin’s terms");
        assertThat(story.body()).isEqualTo("Putin laid out his terms.\nKyiv said no.");
        assertThat(story.source()).isEqualTo("Example World");
        assertThat(story.publishedAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(story.ingestedAt()).isEqualTo(SEEN);
    }

    @Test
    void takesTheUpdatedTimeWhenThereIsNoPublicationTime() {
        var item = new FeedItem(null, "T", "https://example.com/a", "x", null, Instant.parse("2026-11-23T08:00:00Z"),
                null);

        assertThat(ItemNormaliser.normalise(item, "f", SEEN).story().publishedAt())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
    }

    @Test
    void takesTheMomentFirstSeenWhenTheItemHasNoTimeAtAll() {
        var item = new FeedItem(null, "T", "https://example.com/a", "x", null, null, null);

        assertThat(ItemNormaliser.normalise(item, "f", SEEN).story().publishedAt()).isEqualTo(SEEN);
    }

    @Test
    void neverDatesAStoryInTheFuture() {
        var item = new FeedItem(null, "T", "https://example.com/a", "x", Instant.parse("2026-11-25T12:00:00Z"), null,
                null);

        assertThat(ItemNormaliser.normalise(item, "f", SEEN).story().publishedAt()).isEqualTo(SEEN);
    }

    @Test
    void usesAGuidThatIsAUrlWhenTheLinkIsMissing() {
        var item = new FeedItem("https://example.com/permalink/7", "T", null, "x", null, null, null);

        assertThat(ItemNormaliser.normalise(item, "f", SEEN).story().url().value())
                .isEqualTo("https://example.com/permalink/7");
    }

    @Test
    void titlesAnUntitledItemWithItsFirstLine() {
        var item = new FeedItem(null, " ", "https://example.com/a", "<p>Ceasefire holds.</p><p>More later.</p>", null,
                null, null);

        assertThat(ItemNormaliser.normalise(item, "f", SEEN).story().title()).isEqualTo("Ceasefire holds.");
    }

    @Test
    void refusesAnItemWithoutAnyUrl() {
        var item = new FeedItem("tag:example.com,2026:1", "T", "mailto:desk@example.com", "x", null, null, null);

        assertThatThrownBy(() -> ItemNormaliser.normalise(item, "f", SEEN))
                .isInstanceOf(ItemNormaliser.UnusableItemException.class)
                .hasMessage("has no http(s) link ('mailto:desk@example.com') and no guid that is one");
    }

    @Test
    void refusesAnItemWithNeitherTitleNorText() {
        var item = new FeedItem(null, null, "https://example.com/a", "<p> </p>", null, null, null);

        assertThatThrownBy(() -> ItemNormaliser.normalise(item, "f", SEEN))
                .hasMessage("has neither title nor text");
    }

    @Test
    void identifiesTheItemByGuidUrlAndContent() {
        var withGuid = new FeedItem("urn:x:1", "T", "https://example.com/a", "x", null, null, null);
        var withoutGuid = new FeedItem(null, "T", "https://example.com/a", "x", null, null, null);

        assertThat(ItemNormaliser.normalise(withGuid, "f", SEEN).itemKeys())
                .extracting(key -> key.substring(0, key.indexOf(':')))
                .containsExactly("content", "guid", "url");
        assertThat(ItemNormaliser.normalise(withoutGuid, "f", SEEN).itemKeys())
                .extracting(key -> key.substring(0, key.indexOf(':')))
                .containsExactly("content", "url");
        assertThat(ItemNormaliser.normalise(withGuid, "f", SEEN).itemKeys()).allMatch(key -> key.length() <= 80);
    }
}
