package wirewatch.classify.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * A rule compiled to Lucene queries: the main query whose hits are the evidence, and the optional context the
 * story must also match and exclusion that vetoes it.
 */
public record RuleQuery(String ruleId, Query main, Query context, Query exclude) {

    public RuleQuery {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(main, "main");
    }

    /** A rule that is only a main query. */
    public RuleQuery(String ruleId, Query main) {
        this(ruleId, main, null, null);
    }

    /**
     * The main query split at its top-level ORs ({@code "lift sanctions"~3 OR "ease sanctions"~3} gives two
     * parts), nested ORs flattened; any other query is one part. The rule matches when any part does.
     */
    List<Query> disjuncts() {
        var parts = new ArrayList<Query>();
        addDisjuncts(main, parts);
        return parts;
    }

    private static void addDisjuncts(Query query, List<Query> parts) {
        if (query instanceof BooleanQuery bool && isPureDisjunction(bool)) {
            bool.clauses().forEach(clause -> addDisjuncts(clause.query(), parts));
        } else {
            parts.add(query);
        }
    }

    private static boolean isPureDisjunction(BooleanQuery bool) {
        return bool.getMinimumNumberShouldMatch() == 0 && !bool.clauses().isEmpty()
                && bool.clauses().stream().allMatch(clause -> clause.occur() == BooleanClause.Occur.SHOULD);
    }

    /** {@code +part #context -exclude}: what must hold for one part of the main query to make the rule match. */
    Query requiring(Query part) {
        var combined = new BooleanQuery.Builder().add(part, BooleanClause.Occur.MUST);
        if (context != null) {
            combined.add(context, BooleanClause.Occur.FILTER);
        }
        if (exclude != null) {
            combined.add(exclude, BooleanClause.Occur.MUST_NOT);
        }
        return combined.build();
    }
}
