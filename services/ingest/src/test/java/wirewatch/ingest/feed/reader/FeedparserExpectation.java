package wirewatch.ingest.feed.reader;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import wirewatch.ingest.text.PlainText;

/**
 * The part of a feedparser fixture's {@code Expect:} line that speaks about what {@link FeedReader} gives:
 * the feed's title and link, an entry's title, link, id and dates, and the document's encoding. The line
 * is a Python expression; this understands its common shapes — clauses joined by {@code and}, each a
 * (possibly chained) {@code ==} between accessors such as {@code feed['title']}, {@code entries[0].link},
 * {@code encoding} and literals (Python strings, 9-tuples of ints, {@code None}) — plus {@code bozo} and
 * {@code not bozo}, which are ignored because this reader does not report well-formedness. An expression
 * with any other clause is {@link Outcome#UNINTERPRETED}, so nothing is half-checked.
 * <p>
 * Titles are compared as the text a reader sees, through {@link PlainText#line} (which ingest applies to
 * every title before publishing): feedparser returns sanitised HTML, this reader the document's HTML
 * unsanitised, and only a difference in the visible text is a real disagreement.
 */
final class FeedparserExpectation {

    /** What a fixture's expectation says about one reading of it. */
    enum Outcome {
        MATCHED, MISMATCHED, UNINTERPRETED
    }

    private static final Pattern ACCESSOR = Pattern.compile(
            "(feed|entries\\[(\\d+)])(?:\\[['\"]([a-z_]+)['\"]]|\\.([a-z_]+))");
    private static final Pattern TUPLE = Pattern.compile("\\(\\s*-?\\d+(\\s*,\\s*-?\\d+){8}\\s*\\)");
    private static final List<String> FEED_KEYS = List.of("title", "link");
    private static final List<String> ENTRY_KEYS =
            List.of("title", "link", "id", "published_parsed", "updated_parsed");

    private final List<List<String>> comparisons;

    private FeedparserExpectation(List<List<String>> comparisons) {
        this.comparisons = comparisons;
    }

    /** The interpretable expectation, or empty when any clause is of a shape this does not understand. */
    static Optional<FeedparserExpectation> parse(String expression) {
        var comparisons = new ArrayList<List<String>>();
        for (var clause : splitOutsideQuotes(expression.strip(), " and ")) {
            var bare = unwrapParentheses(clause.strip());
            if (bare.equals("bozo") || bare.equals("not bozo")) {
                continue;
            }
            var operands = splitOutsideQuotes(bare, "==").stream().map(String::strip).toList();
            if (operands.size() < 2 || !operands.stream().allMatch(FeedparserExpectation::understood)) {
                return Optional.empty();
            }
            comparisons.add(operands);
        }
        return comparisons.isEmpty() ? Optional.empty() : Optional.of(new FeedparserExpectation(comparisons));
    }

    /** Checks what was read, where an empty feed means the reader refused the document. */
    Outcome check(Optional<ParsedFeed> feed, Charset encoding) {
        for (var operands : comparisons) {
            var titles = operands.stream().anyMatch(operand -> operand.matches(".*\\W'?title'?]?$"));
            var first = value(operands.getFirst(), feed, encoding, titles);
            for (var operand : operands.subList(1, operands.size())) {
                var other = value(operand, feed, encoding, titles);
                if (!first.equals(other) && !other.equals(first)) {
                    return Outcome.MISMATCHED;
                }
            }
        }
        return Outcome.MATCHED;
    }

    private static boolean understood(String operand) {
        if (operand.equals("None") || operand.equals("encoding") || TUPLE.matcher(operand).matches()) {
            return true;
        }
        if (PythonString.isLiteral(operand)) {
            return true;
        }
        var accessor = ACCESSOR.matcher(operand);
        if (!accessor.matches()) {
            return false;
        }
        var key = accessor.group(3) != null ? accessor.group(3) : accessor.group(4);
        return accessor.group(2) == null ? FEED_KEYS.contains(key) : ENTRY_KEYS.contains(key);
    }

    /** The operand's value as a comparable token: a string, a date tuple's text, or "None". */
    private static Value value(String operand, Optional<ParsedFeed> read, Charset encoding, boolean title) {
        var value = value(operand, read, encoding);
        return title && value instanceof Value.Text(String text) && text != null
                ? new Value.Text(PlainText.line(text)) : value;
    }

    private static Value value(String operand, Optional<ParsedFeed> read, Charset encoding) {
        if (operand.equals("None")) {
            return Value.NONE;
        }
        if (operand.equals("encoding")) {
            return new Value.Encoding(encoding);
        }
        if (TUPLE.matcher(operand).matches()) {
            return new Value.Text(operand.replaceAll("\\s+", ""));
        }
        if (PythonString.isLiteral(operand)) {
            return new Value.Text(PythonString.decode(operand));
        }
        var accessor = ACCESSOR.matcher(operand);
        if (!accessor.matches()) {
            throw new IllegalStateException("parse() let an operand through that it cannot evaluate: " + operand);
        }
        if (read.isEmpty()) {
            return Value.MISSING;
        }
        var feed = read.get();
        var key = accessor.group(3) != null ? accessor.group(3) : accessor.group(4);
        if (accessor.group(2) == null) {
            return Value.of(key.equals("title") ? feed.title() : feed.link());
        }
        var index = Integer.parseInt(accessor.group(2));
        if (index >= feed.items().size()) {
            return Value.MISSING;
        }
        var item = feed.items().get(index);
        return switch (key) {
            case "title" -> Value.of(item.title());
            case "link" -> Value.of(item.link());
            case "id" -> Value.of(item.guid());
            case "published_parsed" -> Value.ofTime(item.publishedAt());
            // feedparser falls back to the published date when an entry has no updated one.
            case "updated_parsed" -> Value.ofTime(item.updatedAt() != null ? item.updatedAt() : item.publishedAt());
            default -> throw new IllegalStateException("unexpected entry key " + key);
        };
    }

    /** Python's {@code time.struct_time} of an instant in UTC, as feedparser writes it. */
    static String structTime(Instant instant) {
        var t = instant.atOffset(ZoneOffset.UTC);
        return "(%d,%d,%d,%d,%d,%d,%d,%d,0)".formatted(t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getDayOfWeek().getValue() - 1, t.getDayOfYear());
    }

    private sealed interface Value {

        Value NONE = new Text(null);
        Value MISSING = new Missing();

        static Value of(String text) {
            return new Text(text);
        }

        static Value ofTime(Instant instant) {
            return new Text(instant == null ? null : structTime(instant));
        }

        record Text(String text) implements Value {
        }

        /** Compares equal to a literal naming the same charset under any of its aliases. */
        record Encoding(Charset charset) implements Value {

            @Override
            public boolean equals(Object other) {
                return other instanceof Text(String name) && name != null
                        && DocumentText.charset(name).map(charset::equals).orElse(false);
            }

            @Override
            public int hashCode() {
                return charset.hashCode();
            }
        }

        /**
         * An entry the document does not have, or any field of a refused document: unequal to everything, as
         * a Python IndexError would be.
         */
        record Missing() implements Value {

            @Override
            public boolean equals(Object other) {
                return false;
            }

            @Override
            public int hashCode() {
                return 0;
            }
        }
    }

    private static String unwrapParentheses(String clause) {
        if (clause.startsWith("(") && clause.endsWith(")") && !TUPLE.matcher(clause).matches()) {
            return clause.substring(1, clause.length() - 1).strip();
        }
        return clause;
    }

    /** Splits on a separator wherever it is not inside a quoted Python string. */
    static List<String> splitOutsideQuotes(String text, String separator) {
        var parts = new ArrayList<String>();
        var start = 0;
        char quote = 0;
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (text.startsWith(separator, i)) {
                parts.add(text.substring(start, i));
                start = i + separator.length();
                i = start - 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Python 2/3 string literals: optional {@code u} prefix, single or double quotes, common escapes. */
    static final class PythonString {

        private static final Pattern LITERAL = Pattern.compile("u?('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")");

        private PythonString() {
        }

        static boolean isLiteral(String operand) {
            return LITERAL.matcher(operand).matches();
        }

        static String decode(String literal) {
            var body = literal.startsWith("u") ? literal.substring(2, literal.length() - 1)
                    : literal.substring(1, literal.length() - 1);
            var out = new StringBuilder();
            for (var i = 0; i < body.length(); i++) {
                var c = body.charAt(i);
                if (c != '\\' || i + 1 == body.length()) {
                    out.append(c);
                    continue;
                }
                var next = body.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\', '\'', '"' -> out.append(next);
                    case 'x' -> i = appendCodePoint(out, body, i, 2);
                    case 'u' -> i = appendCodePoint(out, body, i, 4);
                    case 'U' -> i = appendCodePoint(out, body, i, 8);
                    default -> out.append('\\').append(next);
                }
            }
            return out.toString();
        }

        private static int appendCodePoint(StringBuilder out, String body, int at, int digits) {
            out.appendCodePoint(Integer.parseInt(body.substring(at + 1, at + 1 + digits), 16));
            return at + digits;
        }
    }
}
