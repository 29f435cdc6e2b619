package wirewatch.classify.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;

/**
 * Matches a story against every rule of a set at once: a facade over one {@link Monitor} holding one query per
 * rule. It is immutable after {@link #build}; a new rule set gets a new matcher, swapped in atomically by its
 * owner, and the old one is {@linkplain #close() closed} (each Monitor runs a cache-purge thread).
 */
public final class RuleMatcher implements Closeable {

    /**
     * The presearcher decides which rules are even tried against a story. Our rules are conjunctions (a phrase
     * plus a Russia/Ukraine context) and news stories are long and full of the common terms ("russia",
     * "sanction") that a single-term filter would pick, so a plain {@code TermFilteredPresearcher} would let
     * most rules through to the expensive matching step. Two passes index two different terms of each
     * conjunction and only select a rule when the story holds both, which keeps candidate counts low as rule
     * sets grow, at the price of a query index about twice as large. Correctness never depends on it: a
     * selected rule is always verified by running its full query.
     */
    private static final int PRESEARCHER_PASSES = 2;

    private final Monitor monitor;
    private final int ruleCount;

    private RuleMatcher(Monitor monitor, int ruleCount) {
        this.monitor = monitor;
        this.ruleCount = ruleCount;
    }

    public static RuleMatcher build(List<RuleQuery> rules) {
        try {
            var presearcher = new MultipassTermFilteredPresearcher(PRESEARCHER_PASSES);
            var monitor = new Monitor(StoryDocuments.ANALYZER, presearcher);
            try {
                monitor.register(rules.stream().map(rule -> new MonitorQuery(rule.ruleId(), rule.query())).toList());
            } catch (IOException | RuntimeException e) {
                monitor.close();
                throw e;
            }
            return new RuleMatcher(monitor, rules.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the rule index", e);
        }
    }

    public int ruleCount() {
        return ruleCount;
    }

    public MatchResult match(StoryText story) {
        try {
            var matches = monitor.match(StoryDocuments.of(story), HighlightsMatch.MATCHER);
            var hits = new HashMap<String, List<Hit>>();
            for (HighlightsMatch match : matches.getMatches()) {
                var ruleHits = new ArrayList<Hit>();
                for (StoryField field : StoryField.values()) {
                    for (HighlightsMatch.Hit hit : match.getHits(field.fieldName())) {
                        ruleHits.add(new Hit(field, hit.startOffset(), hit.endOffset()));
                    }
                }
                hits.put(match.getQueryId(), ruleHits);
            }
            var errors = new HashMap<String, String>();
            matches.getErrors().forEach((ruleId, error) -> errors.put(ruleId, describe(error)));
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
}
