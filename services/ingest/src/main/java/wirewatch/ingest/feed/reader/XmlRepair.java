package wirewatch.ingest.feed.reader;

import java.util.HashSet;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Makes ill-formed XML well-formed the way a browser would: jsoup's forgiving XML parser closes unclosed
 * elements, drops stray end tags, finishes cut-off documents and escapes bare ampersands, and the tree is
 * written out again as XML. Namespace prefixes used without a declaration get one (the well-known URI for
 * the prefixes feeds commonly use, a placeholder otherwise), because one forgotten {@code xmlns:dc} should
 * not cost a feed its items.
 */
final class XmlRepair {

    private static final Map<String, String> KNOWN_PREFIXES = Map.of(
            "dc", "http://purl.org/dc/elements/1.1/",
            "content", "http://purl.org/rss/1.0/modules/content/",
            "atom", "http://www.w3.org/2005/Atom",
            "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
            "media", "http://search.yahoo.com/mrss/",
            "slash", "http://purl.org/rss/1.0/modules/slash/",
            "wfw", "http://wellformedweb.org/CommentAPI/");

    private XmlRepair() {
    }

    static String repaired(String xml) {
        Document document = Jsoup.parse(xml, "", Parser.xmlParser());
        document.outputSettings()
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false);
        declareUndeclaredPrefixes(document);
        return document.outerHtml();
    }

    private static void declareUndeclaredPrefixes(Document document) {
        var root = document.children().stream().filter(Element.class::isInstance).findFirst();
        if (root.isEmpty()) {
            return;
        }
        var declared = new HashSet<String>();
        var used = new HashSet<String>();
        for (var element : document.getAllElements()) {
            prefix(element.tagName()).ifPresent(used::add);
            for (var attribute : element.attributes()) {
                if (attribute.getKey().startsWith("xmlns:")) {
                    declared.add(attribute.getKey().substring("xmlns:".length()));
                } else {
                    prefix(attribute.getKey()).ifPresent(used::add);
                }
            }
        }
        used.removeAll(declared);
        used.remove("xml");
        used.remove("xmlns");
        for (var prefix : used) {
            root.get().attr("xmlns:" + prefix, KNOWN_PREFIXES.getOrDefault(prefix, "urn:undeclared:" + prefix));
        }
    }

    private static java.util.Optional<String> prefix(String name) {
        var colon = name.indexOf(':');
        return colon > 0 ? java.util.Optional.of(name.substring(0, colon)) : java.util.Optional.empty();
    }
}
