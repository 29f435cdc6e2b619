package wirewatch.classify.rules;

import java.util.List;
import java.util.Objects;

/**
 * One classifier rule as written in a rule file.
 *
 * @param query    the Lucene query whose hits are the evidence
 * @param context  a query the story must also match (e.g. a Russia or Ukraine mention), or {@code null}
 * @param exclude  a query that vetoes the rule when it matches, or {@code null}
 * @param weight   0..1, scales the confidence of the rule's matches
 * @param match    stories the rule must match: its own unit tests
 * @param noMatch  stories the rule must not match
 * @param location where the rule starts
 */
public record Rule(
        String id,
        String category,
        Clause query,
        Clause context,
        Clause exclude,
        double weight,
        List<Example> match,
        List<Example> noMatch,
        Location location) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(query, "query");
        match = List.copyOf(match);
        noMatch = List.copyOf(noMatch);
    }

    /** A query string and the line it is written on, so a parse error points at it. */
    public record Clause(String text, Location location) {
    }

    /** A story written inline in a rule file; a plain string example is a body with an empty title. */
    public record Example(String title, String body, Location location) {
    }
}
