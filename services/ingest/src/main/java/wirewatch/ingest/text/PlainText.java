package wirewatch.ingest.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text. Block elements, {@code <br>} and list items become line breaks; everything else
 * flows into the current line with whitespace runs collapsed to one space. Input without any line-level
 * markup is treated as plain text whose newlines are the line structure (wire copy often arrives so),
 * while in HTML that has such markup, newlines in the source are only formatting.
 */
public final class PlainText {

    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
            "pre", "section", "table", "tr", "ul");
    private static final String LINE_MARKUP = String.join(", ", BLOCKS) + ", br";
    private static final String INVISIBLE = "script, style, noscript, template, head";

    private PlainText() {
    }

    /** The text as lines joined by {@code \n}: no blank lines, no leading or trailing spaces on a line. */
    public static String lines(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return String.join("\n", toLines(html));
    }

    /** The text as a single line, as a title must be. */
    public static String line(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return String.join(" ", toLines(html));
    }

    private static List<String> toLines(String html) {
        if (isPlainText(html)) {
            return plainLines(html);
        }
        var body = Jsoup.parseBodyFragment(html).body();
        body.select(INVISIBLE).remove();
        var newlinesAreLineBreaks = body.select(LINE_MARKUP).isEmpty();
        var collector = new LineCollector(newlinesAreLineBreaks);
        NodeTraversor.traverse(collector, body);
        return collector.lines();
    }

    /**
     * Text in which an HTML parser would find no tag, entity or character to replace: the parser would hand it back
     * as one text node without line markup, so its lines are its newlines. Most pushed bodies and titles are such
     * text, and parsing them was most of the cost of normalising a story.
     */
    private static boolean isPlainText(String text) {
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '<' || c == '&' || c == '\0') {
                return false;
            }
        }
        return true;
    }

    private static List<String> plainLines(String text) {
        var lines = new ArrayList<String>();
        for (var line : text.split("\\R")) {
            addLine(line, lines);
        }
        return List.copyOf(lines);
    }

    /** Adds the line with its whitespace runs collapsed and stripped, unless nothing is left of it. */
    private static void addLine(CharSequence text, List<String> lines) {
        var line = collapseSpaces(text).strip();
        // A bullet whose item turned out empty is noise, not content.
        if (!line.isEmpty() && !line.equals("-")) {
            lines.add(line);
        }
    }

    /**
     * Each run of whitespace as one space: ASCII whitespace and every Unicode space separator, since the no-break
     * and other spaces that entities like {@code &nbsp;} decode to are spaces to a reader too.
     */
    private static String collapseSpaces(CharSequence text) {
        var collapsed = new StringBuilder(text.length());
        var inSpace = false;
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    collapsed.append(' ');
                    inSpace = true;
                }
            } else {
                collapsed.append(c);
                inSpace = false;
            }
        }
        return collapsed.toString();
    }

    private static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r' -> true;
            default -> switch (Character.getType(c)) {
                case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
                default -> false;
            };
        };
    }

    private static final class LineCollector implements NodeVisitor {

        private final boolean newlinesAreLineBreaks;
        private final List<String> lines = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int preDepth;

        LineCollector(boolean newlinesAreLineBreaks) {
            this.newlinesAreLineBreaks = newlinesAreLineBreaks;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                appendText(text.getWholeText());
            } else if (node instanceof Element element) {
                var tag = element.normalName();
                if (tag.equals("br") || BLOCKS.contains(tag)) {
                    endLine();
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (tag.equals("li")) {
                    current.append("- ");
                }
                if (tag.equals("td") || tag.equals("th")) {
                    current.append(' ');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                var tag = element.normalName();
                if (BLOCKS.contains(tag)) {
                    endLine();
                }
                if (tag.equals("pre")) {
                    preDepth--;
                }
            }
        }

        private void appendText(String text) {
            if (!newlinesAreLineBreaks && preDepth == 0) {
                current.append(text);
                return;
            }
            var parts = text.split("\\R", -1);
            for (var i = 0; i < parts.length; i++) {
                if (i > 0) {
                    endLine();
                }
                current.append(parts[i]);
            }
        }

        private void endLine() {
            addLine(current, lines);
            current.setLength(0);
        }

        List<String> lines() {
            endLine();
            return List.copyOf(lines);
        }
    }
}
