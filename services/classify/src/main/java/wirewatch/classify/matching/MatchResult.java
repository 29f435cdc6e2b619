package wirewatch.classify.matching;

import java.util.List;
import java.util.Map;

/**
 * What matching one story found.
 *
 * @param hits   the hits of each matching rule's main query, by rule id (empty when the query reports no
 *               positions); context and exclusion never contribute hits
 * @param errors the rules that threw while matching, by rule id, with the reason; they do not stop the others
 *               (a rule split into disjuncts by the Monitor may report hits from one part and an error from another)
 */
public record MatchResult(Map<String, List<Hit>> hits, Map<String, String> errors) {

    public MatchResult {
        hits = Map.copyOf(hits);
        errors = Map.copyOf(errors);
    }
}
