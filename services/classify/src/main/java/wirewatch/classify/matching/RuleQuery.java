package wirewatch.classify.matching;

import java.util.Objects;
import org.apache.lucene.search.Query;

/** A rule compiled to the one Lucene query the Monitor runs for it. */
public record RuleQuery(String ruleId, Query query) {

    public RuleQuery {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(query, "query");
    }
}
