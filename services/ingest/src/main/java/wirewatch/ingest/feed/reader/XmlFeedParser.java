package wirewatch.ingest.feed.reader;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import org.jdom2.Document;
import org.jdom2.JDOMException;

/**
 * RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 (and CDF) through ROME. The text is parsed by {@link SafeXml}; when
 * it is not well-formed, {@link XmlRepair} rebuilds it leniently and it is parsed again; {@link Dialects}
 * then rewrites the variants ROME refuses into ones it reads, and ROME maps the tree to entries.
 */
final class XmlFeedParser {

    private static final Set<String> RDF_TYPES = Set.of("rss_0.9", "rss_1.0");

    ParsedFeed parse(String xml, URI location) throws FeedFormatException {
        var document = wellFormed(xml.strip());
        Dialects.normalise(document);
        try {
            var input = new SyndFeedInput();
            input.setPreserveWireFeed(true);
            return toParsed(input.build(document), location);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedFormatException("not an RSS, RDF or Atom feed (root element <%s>): %s"
                    .formatted(document.getRootElement().getQualifiedName(), describe(e)), e);
        }
    }

    private static Document wellFormed(String xml) throws FeedFormatException {
        try {
            return SafeXml.parse(xml);
        } catch (JDOMException | IOException notWellFormed) {
            try {
                return SafeXml.parse(XmlRepair.repaired(xml));
            } catch (JDOMException | IOException e) {
                throw new FeedFormatException("not XML, even read leniently: " + describe(notWellFormed),
                        notWellFormed);
            }
        }
    }

    private static String describe(Exception e) {
        var message = e.getMessage();
        if (e.getCause() != null && e.getCause().getMessage() != null && !e.getCause().getMessage().equals(message)) {
            message = message + " (" + e.getCause().getMessage() + ")";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static ParsedFeed toParsed(SyndFeed feed, URI location) {
        var feedLink = Links.absolute(firstNonBlank(feed.getLink(), alternate(feed.getLinks())), location);
        var rdf = RDF_TYPES.contains(feed.getFeedType());
        var items = feed.getEntries().stream().map(entry -> toItem(entry, rdf, location)).toList();
        var title = firstNonBlank(feed.getTitle(), dublinCoreTitle(feed.getModule(DCModule.URI)));
        return new ParsedFeed(blankToNull(title), feedLink, items);
    }

    private static FeedItem toItem(SyndEntry entry, boolean rdf, URI location) {
        var link = Links.absolute(firstNonBlank(entry.getLink(), alternate(entry.getLinks())), location);
        return new FeedItem(
                guid(entry, rdf),
                blankToNull(firstNonBlank(entry.getTitle(), dublinCoreTitle(entry.getModule(DCModule.URI)))),
                link,
                html(entry),
                instant(entry.getPublishedDate()),
                instant(entry.getUpdatedDate()),
                author(entry));
    }

    /**
     * The entry's own id: RSS {@code guid}, RDF {@code rdf:about}, Atom {@code id}. ROME's
     * {@code SyndEntry.getUri()} falls back to the link, which would hide that the feed gave no id.
     */
    private static String guid(SyndEntry entry, boolean rdf) {
        if (entry.getWireEntry() instanceof Item item) {
            if (item.getGuid() != null) {
                return blankToNull(item.getGuid().getValue());
            }
            return rdf ? blankToNull(item.getUri()) : null;
        }
        if (entry.getWireEntry() instanceof Entry atom) {
            return blankToNull(atom.getId());
        }
        return blankToNull(entry.getUri());
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

    /** Some RSS feeds title their channel or items only with {@code dc:title}. */
    private static String dublinCoreTitle(Module module) {
        return module instanceof DCModule dublinCore ? dublinCore.getTitle() : null;
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
