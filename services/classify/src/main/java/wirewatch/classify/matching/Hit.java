package wirewatch.classify.matching;

/** One term a rule's main query hit, as character offsets into the field's text. */
public record Hit(StoryField field, int startOffset, int endOffset) {
}
