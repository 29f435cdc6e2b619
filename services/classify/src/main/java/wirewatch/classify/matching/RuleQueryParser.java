package wirewatch.classify.matching;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleProblem;

/**
 * Turns a rule's query strings (Lucene classic syntax) into a {@link RuleQuery}. The main query and the
 * exclusion search title and body (and may be scoped with {@code title:} or {@code body:}); the context applies
 * to the whole story, so it takes no field prefix and searches title and body alike. Its hits are never taken
 * for evidence: only the main query's are (see {@link RuleMatcher}).
 */
public final class RuleQueryParser {

    private static final String[] MAIN_FIELDS = {StoryField.TITLE.fieldName(), StoryField.BODY.fieldName()};
    private static final Set<String> MAIN_FIELD_NAMES = Set.of(MAIN_FIELDS);
    private static final String WHOLE_STORY = "story";

    /** Returns the compiled rule, or {@code null} after adding every problem found to {@code problems}. */
    public RuleQuery parse(Rule rule, List<RuleProblem> problems) {
        int before = problems.size();
        var query = parseMain(rule, rule.query(), "query", problems);
        var context = rule.context() == null ? null : parseContext(rule, problems);
        var exclude = rule.exclude() == null ? null : parseMain(rule, rule.exclude(), "exclude", problems);
        if (problems.size() > before) {
            return null;
        }
        return new RuleQuery(rule.id(), query, context, exclude);
    }

    private Query parseMain(Rule rule, Rule.Clause clause, String what, List<RuleProblem> problems) {
        var parser = new MultiFieldQueryParser(MAIN_FIELDS, StoryDocuments.ANALYZER);
        var query = parse(parser, rule, clause, what, problems);
        if (query == null) {
            return null;
        }
        var unknown = new TreeSet<>(fieldsOf(query));
        unknown.removeAll(MAIN_FIELD_NAMES);
        if (!unknown.isEmpty()) {
            problems.add(new RuleProblem(clause.location(), label(rule) + ": " + what + " uses unknown field(s) "
                    + unknown + "; only title: and body: exist"));
            return null;
        }
        return query;
    }

    /**
     * Parsed once against a field no story has, only to find field prefixes, then again over title and body:
     * the story is indexed once per field rather than a third time as one "whole story" field, which used to
     * cost as much as the title and body together.
     */
    private Query parseContext(Rule rule, List<RuleProblem> problems) {
        var parser = new QueryParser(WHOLE_STORY, StoryDocuments.ANALYZER);
        var query = parse(parser, rule, rule.context(), "context", problems);
        if (query == null) {
            return null;
        }
        var scoped = new TreeSet<>(fieldsOf(query));
        scoped.remove(WHOLE_STORY);
        if (!scoped.isEmpty()) {
            problems.add(new RuleProblem(rule.context().location(), label(rule)
                    + ": context applies to the whole story; remove the field prefix(es) " + scoped));
            return null;
        }
        return parse(new MultiFieldQueryParser(MAIN_FIELDS, StoryDocuments.ANALYZER), rule, rule.context(),
                "context", problems);
    }

    private static Query parse(QueryParser parser, Rule rule, Rule.Clause clause, String what,
            List<RuleProblem> problems) {
        Query query;
        try {
            query = parser.parse(clause.text());
        } catch (ParseException | RuntimeException e) {
            var reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            problems.add(new RuleProblem(clause.location(), label(rule) + ": " + what + " does not parse: " + reason));
            return null;
        }
        if (matchesNothing(query)) {
            problems.add(new RuleProblem(clause.location(), label(rule) + ": " + what
                    + " has no searchable term after analysis (only stop words or only negations?)"));
            return null;
        }
        return query;
    }

    private static boolean matchesNothing(Query query) {
        if (query == null || query instanceof MatchNoDocsQuery) {
            return true;
        }
        return query instanceof BooleanQuery bool && (bool.clauses().isEmpty()
                || bool.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT));
    }

    private static Set<String> fieldsOf(Query query) {
        var fields = new TreeSet<String>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return false;
            }
        });
        return fields;
    }

    private static String label(Rule rule) {
        return "rule '" + rule.id() + "'";
    }
}
