package wirewatch.ingest.feed.reader;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;

/**
 * RSS 0.9x/1.0/2.0, RDF and Atom 0.3/1.0 through ROME. Safety: ROME switches off external entities and
 * external DTDs and resolves any entity to nothing; the JDK parser's entity expansion limits stop
 * billion-laughs documents. Doctypes are allowed because many old RSS 0.91 feeds carry Netscape's.
 * Lenience: ROME's XML healer fixes HTML entities and stray text before the root; a document that is still
 * not well-formed is re-read by jsoup's forgiving XML parser and the repaired tree is given to ROME again.
 */
final class XmlFeedParser {

    ParsedFeed parse(String xml, URI location) throws FeedFormatException {
        var text = xml.strip();
        try {
            return toParsed(build(text), location);
        } catch (FeedException | IllegalArgumentException firstFailure) {
            try {
                return toParsed(build(repaired(text)), location);
            } catch (FeedException | IllegalArgumentException repairFailure) {
                throw new FeedFormatException("not a readable RSS, RDF or Atom document: "
                        + describe(firstFailure), firstFailure);
            }
        }
    }

    private static SyndFeed build(String xml) throws FeedException {
        var input = new SyndFeedInput();
        input.setAllowDoctypes(true);
        input.setXmlHealerOn(true);
        return input.build(new InputSource(new StringReader(xml)));
    }

    private static String repaired(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        document.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        return document.outerHtml();
    }

    private static String describe(Exception e) {
        var message = e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null) {
            message = message + " (" + e.getCause().getMessage() + ")";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static ParsedFeed toParsed(SyndFeed feed, URI location) {
        var feedLink = Links.absolute(firstNonBlank(feed.getLink(), alternate(feed.getLinks())), location);
        var items = feed.getEntries().stream().map(entry -> toItem(entry, location)).toList();
        return new ParsedFeed(blankToNull(feed.getTitle()), feedLink, items);
    }

    private static FeedItem toItem(SyndEntry entry, URI location) {
        var link = Links.absolute(firstNonBlank(entry.getLink(), alternate(entry.getLinks())), location);
        return new FeedItem(
                blankToNull(entry.getUri()),
                blankToNull(entry.getTitle()),
                link,
                html(entry),
                instant(entry.getPublishedDate()),
                instant(entry.getUpdatedDate()),
                author(entry));
    }

    /** Full content where the entry has it, else its summary/description. */
    private static String html(SyndEntry entry) {
        var content = entry.getContents().stream()
                .map(SyndContent::getValue)
                .filter(Objects::nonNull)
                .filter(value -> !value.isBlank())
                .findFirst();
        if (content.isPresent()) {
            return content.get();
        }
        return entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
    }

    private static String author(SyndEntry entry) {
        return Stream.concat(Stream.ofNullable(entry.getAuthor()),
                        entry.getAuthors().stream().map(SyndPerson::getName))
                .filter(Objects::nonNull)
                .filter(name -> !name.isBlank())
                .map(String::strip)
                .findFirst()
                .orElse(null);
    }

    private static String alternate(List<SyndLink> links) {
        return links.stream()
                .filter(link -> link.getRel() == null || link.getRel().equals("alternate"))
                .map(SyndLink::getHref)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String firstNonBlank(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
