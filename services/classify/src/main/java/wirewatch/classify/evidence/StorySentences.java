package wirewatch.classify.evidence;

import java.util.List;
import java.util.Optional;
import wirewatch.classify.matching.StoryField;

/** A story's sentences in reading order (title first), with the lookups evidence and stance need. */
public final class StorySentences {

    private final List<Sentence> sentences;

    StorySentences(List<Sentence> sentences) {
        this.sentences = List.copyOf(sentences);
    }

    public List<Sentence> all() {
        return sentences;
    }

    public Optional<Sentence> containing(StoryField field, int offset) {
        return sentences.stream().filter(sentence -> sentence.contains(field, offset)).findFirst();
    }

    /**
     * For a list item, the line introducing its list when that line ends with ':' ("Putin's conditions
     * reportedly involve:"), found by walking back over the other items of the same list.
     */
    public Optional<Sentence> leadIn(Sentence item) {
        if (!item.bullet()) {
            return Optional.empty();
        }
        int index = sentences.indexOf(item);
        for (int i = index - 1; i >= 0; i--) {
            var previous = sentences.get(i);
            if (previous.field() != item.field()) {
                break;
            }
            if (!previous.bullet()) {
                return previous.endsWithColon() ? Optional.of(previous) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The headline and the first line of the body: where a story frames everything below it. */
    public List<Sentence> framing() {
        int firstBodyLine = sentences.stream()
                .filter(sentence -> sentence.field() == StoryField.BODY)
                .mapToInt(Sentence::line)
                .findFirst()
                .orElse(-1);
        return sentences.stream()
                .filter(sentence -> sentence.field() == StoryField.TITLE
                        || sentence.line() == firstBodyLine)
                .toList();
    }
}
