package wirewatch.classify.evidence;

import wirewatch.classify.matching.StoryField;

/**
 * One sentence of a story field.
 *
 * @param start  offset of its first character in the field's text
 * @param end    offset just past its last character
 * @param line   index of the line it sits on within the field, so a list item can find its lead-in line
 * @param bullet whether the line is a list item ("- ", "• ", "1. " ...)
 */
public record Sentence(StoryField field, int start, int end, String text, int line, boolean bullet) {

    boolean contains(StoryField field, int offset) {
        return this.field == field && offset >= start && offset < end;
    }

    boolean endsWithColon() {
        return text.endsWith(":");
    }
}
