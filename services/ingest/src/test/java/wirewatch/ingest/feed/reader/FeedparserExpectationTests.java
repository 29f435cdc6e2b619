package wirewatch.ingest.feed.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import wirewatch.ingest.feed.reader.FeedparserExpectation.Outcome;
import wirewatch.ingest.feed.reader.FeedparserExpectation.PythonString;

class FeedparserExpectationTests {

    private static final ParsedFeed FEED = new ParsedFeed("Example feed", "http://example.com/", List.of(
            new FeedItem("tag:1", "First \u00e9", "http://example.com/1", null,
                    Instant.parse("2004-01-01T19:48:21Z"), null, null),
            new FeedItem(null, "Second", "http://example.com/1", null, null,
                    Instant.parse("2003-12-31T10:14:55Z"), null)));

    private static Outcome check(String expression) {
        return FeedparserExpectation.parse(expression)
                .map(expectation -> expectation.check(Optional.of(FEED), StandardCharsets.ISO_8859_1))
                .orElse(Outcome.UNINTERPRETED);
    }

    @Test
    void comparesTheFeedTitleAndLinkInEitherAccessorStyle() {
        assertThat(check("not bozo and feed['title'] == u'Example feed'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("feed.link == \"http://example.com/\"")).isEqualTo(Outcome.MATCHED);
        assertThat(check("not bozo and feed['title'] == 'Other feed'")).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void comparesEntryFieldsWithPythonEscapesDecoded() {
        assertThat(check("entries[0]['title'] == u'First \\xe9'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("entries[0]['title'] == 'First \\u00e9'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("entries[0]['id'] == 'tag:1'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("entries[1]['id'] == None")).isEqualTo(Outcome.MATCHED);
        assertThat(check("entries[0].title == 'First e'")).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void comparesDatesAsPythonTimeTuplesInUtc() {
        // 1 January 2004 was a Thursday: weekday 3 counting Monday as 0, day 1 of the year.
        assertThat(check("entries[0]['published_parsed'] == (2004, 1, 1, 19, 48, 21, 3, 1, 0)"))
                .isEqualTo(Outcome.MATCHED);
        assertThat(check("entries[0]['published_parsed'] == (2004, 1, 1, 19, 48, 22, 3, 1, 0)"))
                .isEqualTo(Outcome.MISMATCHED);
        // feedparser's updated_parsed falls back to the published date.
        assertThat(check("entries[0]['updated_parsed'] == (2004, 1, 1, 19, 48, 21, 3, 1, 0)"))
                .isEqualTo(Outcome.MATCHED);
        // 31 December 2003, a Wednesday, day 365.
        assertThat(check("entries[1]['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)"))
                .isEqualTo(Outcome.MATCHED);
    }

    @Test
    void handlesChainsParenthesesAndQuotedSeparators() {
        assertThat(check("entries[0]['link'] == entries[1]['link'] == 'http://example.com/1'"))
                .isEqualTo(Outcome.MATCHED);
        assertThat(check("not bozo and (feed['title'] == 'Example feed') and (entries[1].title == 'Second')"))
                .isEqualTo(Outcome.MATCHED);
        assertThat(FeedparserExpectation.splitOutsideQuotes("a == 'x and == y' and b", " and "))
                .containsExactly("a == 'x and == y'", "b");
    }

    @Test
    void comparesTitlesAsTheTextAReaderSees() {
        var feed = new ParsedFeed("<b>Bold</b> &amp; <script>x()</script>plain", null, List.of());
        var sanitised = FeedparserExpectation.parse("feed['title'] == '<b>Bold</b> &amp; plain'").orElseThrow();
        var different = FeedparserExpectation.parse("feed['title'] == 'Bold and plain'").orElseThrow();

        assertThat(sanitised.check(Optional.of(feed), StandardCharsets.UTF_8)).isEqualTo(Outcome.MATCHED);
        assertThat(different.check(Optional.of(feed), StandardCharsets.UTF_8)).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void treatsAMissingEntryAsAMismatch() {
        assertThat(check("entries[5]['title'] == None")).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void findsNoFieldsButStillTheEncodingOfARefusedDocument() {
        var expectation = FeedparserExpectation.parse("not bozo and encoding == 'utf-8'").orElseThrow();
        var titled = FeedparserExpectation.parse("feed['title'] == None").orElseThrow();

        assertThat(expectation.check(Optional.empty(), StandardCharsets.UTF_8)).isEqualTo(Outcome.MATCHED);
        assertThat(titled.check(Optional.empty(), StandardCharsets.UTF_8)).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void comparesEncodingsByCharsetRatherThanSpelling() {
        assertThat(check("not bozo and encoding == 'iso-8859-1'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("encoding == 'latin1'")).isEqualTo(Outcome.MATCHED);
        assertThat(check("encoding == 'utf-8'")).isEqualTo(Outcome.MISMATCHED);
    }

    @Test
    void leavesOtherShapesUninterpreted() {
        assertThat(check("not bozo and entries[0]['description'] == 'x'")).isEqualTo(Outcome.UNINTERPRETED);
        assertThat(check("not bozo and feed['title'] == 'Example feed' and feed['tagline'] == ''"))
                .isEqualTo(Outcome.UNINTERPRETED);
        assertThat(check("not bozo")).isEqualTo(Outcome.UNINTERPRETED);
        assertThat(check("1")).isEqualTo(Outcome.UNINTERPRETED);
        assertThat(check("not bozo and len(feed['title']) == 3")).isEqualTo(Outcome.UNINTERPRETED);
        assertThat(check("feed['title'] == 'a' + 'b'")).isEqualTo(Outcome.UNINTERPRETED);
    }

    @Test
    void decodesPythonStringLiterals() {
        assertThat(PythonString.decode("'it\\'s'")).isEqualTo("it's");
        assertThat(PythonString.decode("u\"\\u2019 \\\\ \\n\"")).isEqualTo("\u2019 \\ \n");
        assertThat(PythonString.decode("'\\U0001F600'")).isEqualTo("\uD83D\uDE00");
        assertThat(PythonString.decode("'a\\qb'")).isEqualTo("a\\qb");
    }
}
