package wirewatch.classify.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Matches a story against every rule of a set at once: a facade over one {@link Monitor}. It is immutable
 * after {@link #build}; a new rule set gets a new matcher, swapped in atomically by its owner, and the old one
 * is {@linkplain #close() closed} (each Monitor runs a cache-purge thread).
 *
 * <p>Each rule is registered as one Monitor query per top-level OR of its main query ("part", id
 * {@code ruleId#n}), each carrying the rule's context and exclusion; a rule matches when any part does and
 * its hits are those of its matching parts. Registered whole, a rule of eighteen phrases would be a candidate
 * for any story that holds any of its terms, and verifying it means running all eighteen; split, the
 * presearcher can select just the phrase whose terms the story holds, and Lucene's own decomposer cannot split
 * a disjunction that carries a context, so it is done here.
 */
public final class RuleMatcher implements Closeable {

    /**
     * The presearcher decides which rule parts are even tried against a story. A part is a conjunction (the
     * terms of a phrase, plus a Russia/Ukraine context), and news stories are long and hold the common terms
     * ("russia", "sanction") that a single-term filter would index, so a plain {@code TermFilteredPresearcher}
     * lets many parts through to verification. Two passes index two different terms of each conjunction and
     * select a part only when the story holds both. Measured on the benchmark's workload (one thread, 501
     * stories): at 10,000 generated rules 17 candidates per story with two passes against 591 with one (2.6
     * against 4.5 ms a story); at 100,000, 78 against 5,370 (16 against 35 ms); for the twelve rules of the
     * default pack 2 against 12, within noise of each other. The price of two passes is a query index about
     * twice as large. Correctness never depends on it: a selected part is always verified.
     */
    private static final int PRESEARCHER_PASSES = 2;

    private final Monitor monitor;
    private final Map<String, RulePart> parts;
    private final int ruleCount;

    private RuleMatcher(Monitor monitor, Map<String, RulePart> parts, int ruleCount) {
        this.monitor = monitor;
        this.parts = parts;
        this.ruleCount = ruleCount;
    }

    public static RuleMatcher build(List<RuleQuery> rules) {
        try (var noStories = new MultiReader()) {
            var rewriter = new IndexSearcher(noStories);
            var shared = new HashMap<Query, PreparedQuery>();
            var parts = new HashMap<String, RulePart>();
            var registered = new ArrayList<MonitorQuery>();
            for (RuleQuery rule : rules) {
                var context = prepare(rule.context(), rewriter, shared);
                var exclude = prepare(rule.exclude(), rewriter, shared);
                var disjuncts = rule.disjuncts();
                for (int i = 0; i < disjuncts.size(); i++) {
                    var partId = rule.ruleId() + "#" + i;
                    parts.put(partId, new RulePart(rule.ruleId(), PreparedQuery.of(disjuncts.get(i), rewriter),
                            context, exclude));
                    // the presearcher sees the whole condition, so it can select a part by its context's terms too
                    registered.add(new MonitorQuery(partId, rule.requiring(disjuncts.get(i))));
                }
            }
            return new RuleMatcher(monitorOf(registered), Map.copyOf(parts), rules.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rule index", e);
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

    private static Monitor monitorOf(List<MonitorQuery> registered) throws IOException {
        var configuration = new MonitorConfiguration().setQueryDecomposer(new KeepWhole());
        var monitor = new Monitor(StoryDocuments.ANALYZER,
                new MultipassTermFilteredPresearcher(PRESEARCHER_PASSES), configuration);
        try {
            monitor.register(registered);
        } catch (IOException | RuntimeException e) {
            monitor.close();
            throw e;
        }
        return monitor;
    }

    public int ruleCount() {
        return ruleCount;
    }

    public MatchResult match(StoryText story) {
        try {
            var matches = monitor.match(StoryDocuments.of(story), searcher -> new PartMatcher(searcher, parts));
            var hits = new HashMap<String, List<Hit>>();
            for (PartMatcher.PartHits match : matches.getMatches()) {
                hits.computeIfAbsent(parts.get(match.getQueryId()).ruleId(), ruleId -> new ArrayList<>())
                        .addAll(match.hits());
            }
            var errors = new HashMap<String, String>();
            matches.getErrors().forEach(
                    (partId, error) -> errors.putIfAbsent(parts.get(partId).ruleId(), describe(error)));
            return new MatchResult(hits, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match the story against the rules", e);
        }
    }

    private static String describe(Exception error) {
        return error.getMessage() == null ? error.getClass().getSimpleName()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the rule index", e);
        }
    }

    /** Rules are already split into parts; a part must reach {@link PartMatcher} under its own id, whole. */
    private static final class KeepWhole extends QueryDecomposer {

        @Override
        public Set<Query> decompose(Query query) {
            return Set.of(query);
        }
    }
}
