package wirewatch.classify.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Matches a story against every rule of a set at once. It is immutable after {@link #build}; a new rule set
 * gets a new matcher, swapped in atomically by its owner, and the old one is {@linkplain #close() closed}.
 *
 * <p>Each rule is split into one part per top-level OR of its main query ({@code ruleId#n}), each carrying the
 * rule's context and exclusion; a rule matches when any part does and its hits are those of its matching
 * parts. Registered whole, a rule of eighteen phrases would be a candidate for any story that holds any of its
 * terms, and verifying it means running all eighteen; split, just the phrase whose terms the story holds is
 * selected. Which parts are tried is the {@link Strategy}'s business; what matches never is.
 */
public final class RuleMatcher implements Closeable {

    /** How the parts worth verifying against a story are selected; every strategy gives the same results. */
    public enum Strategy {
        /** Lucene Monitor with a two-pass term-filtered presearcher. */
        MONITOR,
        /** An in-memory index from each part's rarest required terms to the part ({@link TermFilteredStrategy}). */
        TERM_FILTERED
    }

    /**
     * What the service matches with. Measured on the benchmark's workload, the term filter is several times
     * faster than Lucene Monitor at every size from the default pack to 100,000 rules (see the README); Monitor
     * stays as the reference the term filter is tested against.
     */
    public static final Strategy DEFAULT_STRATEGY = Strategy.TERM_FILTERED;

    private final MatchingStrategy strategy;
    private final int ruleCount;

    private RuleMatcher(MatchingStrategy strategy, int ruleCount) {
        this.strategy = strategy;
        this.ruleCount = ruleCount;
    }

    public static RuleMatcher build(List<RuleQuery> rules) {
        return build(rules, DEFAULT_STRATEGY);
    }

    public static RuleMatcher build(List<RuleQuery> rules, Strategy strategy) {
        try {
            var parts = partsOf(rules);
            return new RuleMatcher(switch (strategy) {
                case MONITOR -> MonitorStrategy.of(parts);
                case TERM_FILTERED -> TermFilteredStrategy.of(parts);
            }, rules.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rule index", e);
        }
    }

    private static List<RulePart> partsOf(List<RuleQuery> rules) throws IOException {
        try (var noStories = new MultiReader()) {
            var rewriter = new IndexSearcher(noStories);
            var shared = new HashMap<Query, PreparedQuery>();
            var parts = new ArrayList<RulePart>();
            for (RuleQuery rule : rules) {
                var context = prepare(rule.context(), rewriter, shared);
                var exclude = prepare(rule.exclude(), rewriter, shared);
                var disjuncts = rule.disjuncts();
                for (int i = 0; i < disjuncts.size(); i++) {
                    parts.add(new RulePart(rule.ruleId() + "#" + i, rule.ruleId(),
                            PreparedQuery.of(disjuncts.get(i), rewriter), context, exclude,
                            rule.requiring(disjuncts.get(i))));
                }
            }
            return parts;
        }
    }

    private static PreparedQuery prepare(Query query, IndexSearcher rewriter, Map<Query, PreparedQuery> shared)
            throws IOException {
        if (query == null) {
            return null;
        }
        var existing = shared.get(query);
        if (existing == null) {
            existing = PreparedQuery.of(query, rewriter);
            shared.put(query, existing);
        }
        return existing;
    }

    public int ruleCount() {
        return ruleCount;
    }

    public MatchResult match(StoryText story) {
        var results = new MatchingStrategy.Results();
        try {
            strategy.match(story, results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match the story against the rules", e);
        }
        return results.result();
    }

    @Override
    public void close() {
        try {
            strategy.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rule index", e);
        }
    }
}
