package wirewatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story that matched at least one classifier rule, as classify publishes it to {@link Topics#ALERTS}.
 *
 * @param id             alert id, unique per (story, rule set version)
 * @param storyId        the story's id
 * @param clusterId      the story's syndication cluster
 * @param story          what a subscriber needs to read the story
 * @param categories     the distinct categories matched, in a stable order
 * @param matches        one entry per matching rule
 * @param rulesetVersion content hash of the rule set that produced the alert
 * @param classifiedAt   when classify produced it
 */
public record Alert(
        String id,
        String storyId,
        String clusterId,
        StoryRef story,
        List<String> categories,
        List<Match> matches,
        String rulesetVersion,
        Instant classifiedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(storyId, "storyId");
        categories = List.copyOf(categories);
        matches = List.copyOf(matches);
    }

    /** The part of a story an alert carries. */
    public record StoryRef(String title, String url, String source, Instant publishedAt) {
    }

    /**
     * One rule's match.
     *
     * @param confidence 0..1
     * @param evidence   the sentences of the story that matched
     */
    public record Match(String ruleId, String category, double confidence, List<String> evidence, Stance stance) {

        public Match {
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence must be within 0..1, was " + confidence);
            }
            evidence = List.copyOf(evidence);
        }
    }
}
