package wirewatch.classify.evidence;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import wirewatch.classify.matching.StoryField;
import wirewatch.classify.matching.StoryText;

/**
 * Splits a story into sentences. Line breaks end a sentence too: news bodies put headings and list items on
 * their own lines without a full stop, and {@link BreakIterator} alone would glue a heading to the next
 * paragraph and every bullet of a list into one "sentence".
 */
public final class SentenceSplitter {

    /**
     * {@link BreakIterator} ends a sentence at every "Mr." or "U.S."; a piece ending in a title, a month or
     * a single initial is joined to the next one instead.
     */
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Pres|St|Jr|Sr|No|vs|etc|approx"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?:^|[\\s.])\\p{Lu})\\.$");
    /** More than the longest {@link #ABBREVIATION} match ("approx." or a boundary, a surrogate pair and "."). */
    private static final int ABBREVIATION_REACH = 12;
    private static final Pattern BULLET = Pattern.compile("\\s*(?:[-*•–—▪●◦]|\\d{1,2}[.)])\\s+");

    public StorySentences split(StoryText story) {
        var sentences = new ArrayList<Sentence>();
        for (StoryField field : StoryField.values()) {
            splitField(field, story.text(field), sentences);
        }
        return new StorySentences(sentences);
    }

    private static void splitField(StoryField field, String text, List<Sentence> into) {
        // one iterator for all the field's lines: setText resets it, and creating one per line was a tenth of
        // the splitting time
        var iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        int lineStart = 0;
        int line = 0;
        while (lineStart <= text.length()) {
            int lineEnd = lineStart;
            while (lineEnd < text.length() && !isLineBreak(text.charAt(lineEnd))) {
                lineEnd++;
            }
            int next = lineEnd == text.length() ? text.length() + 1
                    : text.startsWith("\r\n", lineEnd) ? lineEnd + 2 : lineEnd + 1;
            splitLine(field, text, lineStart, lineEnd, line, iterator, into);
            lineStart = next;
            line++;
        }
    }

    private static void splitLine(StoryField field, String text, int lineStart, int lineEnd, int line,
            BreakIterator iterator, List<Sentence> into) {
        if (text.substring(lineStart, lineEnd).isBlank()) {
            return;
        }
        var marker = BULLET.matcher(text).region(lineStart, lineEnd);
        boolean bullet = marker.lookingAt();
        // a list marker is layout, not part of what the item says
        int contentStart = bullet ? marker.end() : lineStart;
        var content = text.substring(contentStart, lineEnd);
        iterator.setText(content);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            while (end < content.length() && endsWithAbbreviation(content, start, end)) {
                end = iterator.next();
            }
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(content.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(content.charAt(to - 1))) {
                to--;
            }
            if (from < to) {
                into.add(new Sentence(field, contentStart + from, contentStart + to, content.substring(from, to),
                        line, bullet));
            }
        }
    }

    /** A line ends at any Unicode line break; "\r\n" is one break. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085';
    }

    /** Whether the piece from start to end, trailing blanks aside, ends in an abbreviation's full stop. */
    private static boolean endsWithAbbreviation(String content, int start, int end) {
        int last = end;
        while (last > start && Character.isWhitespace(content.charAt(last - 1))) {
            last--;
        }
        // a piece that does not end in '.' never needs the regex
        if (last == start || content.charAt(last - 1) != '.') {
            return false;
        }
        // an abbreviation is the piece's last few characters: searching only those (seeing what comes before
        // them, so "^" and "\b" still mean what they mean for the whole piece) finds the same matches
        var piece = content.substring(start, last);
        return ABBREVIATION.matcher(piece)
                .region(Math.max(0, piece.length() - ABBREVIATION_REACH), piece.length())
                .useTransparentBounds(true)
                .useAnchoringBounds(false)
                .find();
    }
}
