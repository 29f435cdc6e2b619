package wirewatch.classify.matching;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A query made only of terms and booleans of terms, decided from which terms each field of the story holds:
 * on a one-story index that is exactly what Lucene would answer, without building the index. Contexts and
 * exclusions are mostly such lists of names ({@code ukraine OR kyiv OR (russia AND NOT gaza)}), and answering
 * them this way spares most stories the index altogether.
 */
sealed interface TermPresence {

    boolean holds(AnalysedStory story);

    /** The query as a {@link TermPresence}, or {@code null} when it holds anything else (phrases, wildcards...). */
    static TermPresence of(Query query) {
        return switch (query) {
            case TermQuery term -> new Holds(term.getTerm().field(), term.getTerm().text());
            case BoostQuery boost -> of(boost.getQuery());
            case ConstantScoreQuery constant -> of(constant.getQuery());
            case BooleanQuery bool -> Bool.of(bool);
            default -> null;
        };
    }

    record Holds(String field, String term) implements TermPresence {

        @Override
        public boolean holds(AnalysedStory story) {
            return story.contains(field, term);
        }
    }

    /** Lucene's boolean semantics for one document; with only prohibited clauses, nothing matches. */
    record Bool(List<TermPresence> required, List<TermPresence> prohibited, List<TermPresence> optional,
            int minimumOptional) implements TermPresence {

        static Bool of(BooleanQuery bool) {
            var required = new ArrayList<TermPresence>();
            var prohibited = new ArrayList<TermPresence>();
            var optional = new ArrayList<TermPresence>();
            for (BooleanClause clause : bool.clauses()) {
                var presence = TermPresence.of(clause.query());
                if (presence == null) {
                    return null;
                }
                switch (clause.occur()) {
                    case MUST, FILTER -> required.add(presence);
                    case MUST_NOT -> prohibited.add(presence);
                    case SHOULD -> optional.add(presence);
                }
            }
            int minimumOptional = bool.getMinimumNumberShouldMatch() > 0 ? bool.getMinimumNumberShouldMatch()
                    : required.isEmpty() ? 1 : 0;
            return new Bool(List.copyOf(required), List.copyOf(prohibited), List.copyOf(optional), minimumOptional);
        }

        @Override
        public boolean holds(AnalysedStory story) {
            if (required.isEmpty() && optional.isEmpty()) {
                return false;
            }
            for (TermPresence clause : required) {
                if (!clause.holds(story)) {
                    return false;
                }
            }
            for (TermPresence clause : prohibited) {
                if (clause.holds(story)) {
                    return false;
                }
            }
            int held = 0;
            for (int i = 0; i < optional.size() && held < minimumOptional; i++) {
                if (optional.get(i).holds(story)) {
                    held++;
                }
            }
            return held >= minimumOptional;
        }
    }
}
