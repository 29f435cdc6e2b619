package wirewatch.classify.evaluation;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import wirewatch.events.Stance;

/**
 * One story of a labelled corpus.
 *
 * @param labels  the categories the story reports; empty for a negative
 * @param stances the labelled stance of some (or all, or none) of those categories
 */
public record LabelledStory(String id, String title, String body, SortedSet<String> labels,
        Map<String, Stance> stances) {

    public LabelledStory {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        labels = Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        stances = Collections.unmodifiableMap(new TreeMap<>(stances));
    }
}
