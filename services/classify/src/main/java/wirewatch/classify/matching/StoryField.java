package wirewatch.classify.matching;

/** The story fields a rule's main query can hit, named as rule authors scope them ({@code title:...}). */
public enum StoryField {
    TITLE("title"),
    BODY("body");

    private final String fieldName;

    StoryField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
