package wirewatch.classify.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * What a story must hold for a query to have any chance of matching it: groups of terms, each of which the
 * story must hold at least one of, whatever the field ({@code "lift sanctions"~3} needs {@code [lift]} and
 * {@code [sanction]}; {@code truce OR ceasefire} needs one of {@code [truce, ceasefire]}). This is a necessary
 * condition only, never a sufficient one: slop, order, fields, exclusions and optional clauses are left to the
 * query itself. A query this does not understand (wildcards, fuzzy terms, custom queries) requires nothing,
 * so it is tried against every story, as Lucene Monitor's presearcher does with such queries.
 */
final class RequiredTerms {

    private RequiredTerms() {
    }

    /** The groups, each a set of analysed term texts; empty when nothing can be required. */
    static List<Set<String>> of(Query query) {
        return switch (query) {
            case TermQuery term -> List.of(Set.of(term.getTerm().text()));
            case PhraseQuery phrase -> each(phrase.getTerms());
            case MultiPhraseQuery phrase -> {
                var groups = new ArrayList<Set<String>>();
                for (Term[] position : phrase.getTermArrays()) {
                    groups.add(texts(position));
                }
                yield groups;
            }
            case SynonymQuery synonyms -> List.of(texts(synonyms.getTerms().toArray(Term[]::new)));
            case BoostQuery boost -> of(boost.getQuery());
            case ConstantScoreQuery constant -> of(constant.getQuery());
            case BooleanQuery bool -> ofBoolean(bool);
            default -> List.of();
        };
    }

    /** {@link #of} as arrays, the form the per-story checks iterate fastest. */
    static String[][] asArrays(Query query) {
        return of(query).stream().map(group -> group.toArray(String[]::new)).toArray(String[][]::new);
    }

    /**
     * Required and filter clauses must each hold, so all their groups are required. Without them, one of the
     * optional clauses must hold: when they all need the same, that is needed; otherwise the story must hold a
     * term of one group of each, so the union of each clause's narrowest group is.
     */
    private static List<Set<String>> ofBoolean(BooleanQuery bool) {
        var required = new ArrayList<Set<String>>();
        var optional = new ArrayList<Query>();
        for (BooleanClause clause : bool.clauses()) {
            switch (clause.occur()) {
                case MUST, FILTER -> required.addAll(of(clause.query()));
                case SHOULD -> optional.add(clause.query());
                case MUST_NOT -> {
                }
            }
        }
        if (hasRequiredClause(bool) || optional.isEmpty()) {
            return required;
        }
        var alternatives = new ArrayList<List<Set<String>>>(optional.size());
        for (Query clause : optional) {
            var groups = of(clause);
            if (groups.isEmpty()) {
                return List.of();
            }
            alternatives.add(groups);
        }
        if (alternatives.stream().distinct().count() == 1) {
            // the same query in title and in body, as the parser spells every term and phrase: terms are not
            // told apart by field here, so each alternative needs the same
            return alternatives.getFirst();
        }
        var anyOf = new LinkedHashSet<String>();
        for (List<Set<String>> groups : alternatives) {
            anyOf.addAll(groups.stream().min(Comparator.comparingInt(Set::size)).orElseThrow());
        }
        return List.of(Set.copyOf(anyOf));
    }

    private static boolean hasRequiredClause(BooleanQuery bool) {
        return bool.clauses().stream().anyMatch(clause -> clause.occur() == BooleanClause.Occur.MUST
                || clause.occur() == BooleanClause.Occur.FILTER);
    }

    private static List<Set<String>> each(Term[] terms) {
        var groups = new ArrayList<Set<String>>(terms.length);
        for (Term term : terms) {
            groups.add(Set.of(term.text()));
        }
        return groups;
    }

    private static Set<String> texts(Term[] terms) {
        var texts = new LinkedHashSet<String>();
        for (Term term : terms) {
            texts.add(term.text());
        }
        return Set.copyOf(texts);
    }
}
