package wirewatch.ingest.feed.reader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Rewrites the dialects and slips that real feeds use, but ROME refuses, into the standard form ROME
 * reads. Each rule mirrors what feedparser accepts:
 * <ul>
 * <li>an {@code <rss>} in a namespace (Userland's and Harvard's) is plain RSS;</li>
 * <li>an {@code <rss>} with its items straight under the root (no {@code <channel>}) gets one;</li>
 * <li>an {@code <rss>} with no or an unknown {@code version} is read as RSS 2.0, the superset;</li>
 * <li>an RSS 1.0 {@code rdf:RDF} without a {@code <channel>} is an empty feed, not an error;</li>
 * <li>a {@code <feed>} in no namespace or an unofficial one is Atom (0.3 when it says
 * {@code version="0.3"}, else 1.0);</li>
 * <li>base64 text (Atom 0.3 {@code mode="base64"}, Atom 1.0 binary media types) is decoded here, since
 * ROME's decoder breaks on it;</li>
 * <li>an Atom {@code <link>} whose URL is its text rather than its {@code href} gets the {@code href};</li>
 * <li>Microsoft's CDF ({@code <CHANNEL>}/{@code <ITEM HREF LASTMOD>}) becomes RSS 2.0.</li>
 * </ul>
 */
final class Dialects {

    private static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
    private static final Namespace RDF =
            Namespace.getNamespace("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    private static final Namespace DC = Namespace.getNamespace("dc", "http://purl.org/dc/elements/1.1/");
    private static final Set<String> TEXT_CONSTRUCTS = Set.of("title", "subtitle", "summary", "content", "rights");
    private static final Set<String> ROME_RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

    private Dialects() {
    }

    static void normalise(Document document) {
        var root = document.getRootElement();
        var name = root.getName();
        if (name.equals("rss")) {
            rss(root);
        } else if (name.equals("RDF") && root.getNamespace().equals(RDF)) {
            rdf(root);
        } else if (name.equals("feed")) {
            atom(root);
        } else if (name.equalsIgnoreCase("channel") && root.getNamespace().equals(Namespace.NO_NAMESPACE)) {
            document.setRootElement(cdf(root));
        }
    }

    private static void rss(Element root) {
        moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
        var version = root.getAttributeValue("version");
        if (version == null || !ROME_RSS_VERSIONS.contains(version.strip())) {
            root.setAttribute("version", "2.0");
        }
        if (root.getChild("channel") == null) {
            var channel = new Element("channel");
            channel.addContent(root.removeContent());
            root.addContent(channel);
        }
    }

    private static void rdf(Element root) {
        var namespace = root.getNamespace("") != null && !root.getNamespace("").getURI().isEmpty()
                ? root.getNamespace("") : RSS_10;
        if (root.getChild("channel", namespace) == null) {
            root.addContent(0, new Element("channel", namespace));
        }
    }

    private static void atom(Element root) {
        var namespace = root.getNamespace();
        if (!namespace.equals(ATOM_10) && !namespace.equals(ATOM_03)) {
            moveNamespace(root, namespace, "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10);
        }
        for (var element : elements(root)) {
            if (isBase64(element, root.getNamespace())) {
                if (root.getNamespace().equals(ATOM_03)) {
                    // Atom 0.3's default mode is inline XML, which ROME would escape the decoded text as.
                    element.setAttribute("mode", "escaped");
                    element.setAttribute("type", "text/html");
                } else {
                    element.setAttribute("type", "html");
                }
                element.setText(base64(element.getTextTrim()));
            }
            if (element.getName().equals("link") && element.getAttribute("href") == null
                    && !element.getTextTrim().isEmpty()) {
                element.setAttribute("href", element.getTextTrim());
            }
        }
    }

    private static void moveNamespace(Element root, Namespace from, Namespace to) {
        if (from.equals(to)) {
            return;
        }
        for (var element : elements(root)) {
            if (element.getNamespace().equals(from)) {
                element.setNamespace(to);
            }
        }
    }

    /**
     * Atom 0.3 says so with {@code mode="base64"}; in Atom 1.0 a text construct whose type is a media type
     * other than text or XML carries base64.
     */
    private static boolean isBase64(Element element, Namespace atom) {
        if (atom.equals(ATOM_03)) {
            return "base64".equals(element.getAttributeValue("mode"));
        }
        var type = element.getAttributeValue("type");
        return TEXT_CONSTRUCTS.contains(element.getName()) && type != null && type.contains("/")
                && !type.startsWith("text/") && !type.endsWith("+xml") && !type.endsWith("/xml");
    }

    private static String base64(String encoded) {
        try {
            return new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static Element cdf(Element channel) {
        var rss = new Element("rss").setAttribute("version", "2.0");
        rss.addNamespaceDeclaration(DC);
        var converted = new Element("channel");
        copyCdfFields(channel, converted);
        for (var item : elements(channel)) {
            if (item.getName().equalsIgnoreCase("item")) {
                var rssItem = new Element("item");
                copyCdfFields(item, rssItem);
                converted.addContent(rssItem);
            }
        }
        rss.addContent(converted);
        return rss;
    }

    private static void copyCdfFields(Element from, Element to) {
        for (var child : from.getChildren()) {
            switch (child.getName().toLowerCase(Locale.ROOT)) {
                case "title" -> to.addContent(new Element("title").setText(child.getText()));
                case "abstract" -> to.addContent(new Element("description").setText(child.getText()));
                default -> {
                }
            }
        }
        var href = attribute(from, "href");
        if (href != null) {
            to.addContent(new Element("link").setText(href));
        }
        var lastModified = attribute(from, "lastmod");
        if (lastModified != null) {
            to.addContent(new Element("date", DC).setText(lastModified));
        }
    }

    private static String attribute(Element element, String name) {
        return element.getAttributes().stream()
                .filter(attribute -> attribute.getName().equalsIgnoreCase(name))
                .map(attribute -> attribute.getValue())
                .findFirst()
                .orElse(null);
    }

    /** The element and all its descendant elements, copied so the tree may be changed while walking. */
    private static ArrayList<Element> elements(Element root) {
        var all = new ArrayList<Element>();
        all.add(root);
        root.getDescendants(Filters.element()).forEach(all::add);
        return all;
    }
}
