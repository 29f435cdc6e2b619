package wirewatch.classify.matching;

/** The two texts of a story that rules look at; {@code null} is read as empty. */
public record StoryText(String title, String body) {

    public StoryText {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    public String text(StoryField field) {
        return field == StoryField.TITLE ? title : body;
    }
}
