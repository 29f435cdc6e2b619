package wirewatch.classify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Runs the rule parts the presearcher selected against one story. A part matches when the story holds the
 * rule's context, does not hold its exclusion, and matches the part's own query, exactly as
 * {@code +part #context -exclude} would; checked in that order, because a story answers each distinct context
 * and exclusion once for all the parts that share it, and only then pays for the part itself. The part's
 * {@link Matches} both decide and give the hit offsets, so context hits never become evidence.
 */
final class PartMatcher extends CandidateMatcher<PartMatcher.PartHits> {

    private final Map<String, RulePart> parts;
    private final LeafReaderContext story;
    private final Map<PreparedQuery, Boolean> sharedAnswers = new IdentityHashMap<>();

    PartMatcher(IndexSearcher searcher, Map<String, RulePart> parts) {
        super(searcher);
        // a one-story index is never worth caching, and wrapping every part's weight for the cache is not free
        searcher.setQueryCache(null);
        this.parts = parts;
        this.story = searcher.getIndexReader().leaves().getFirst();
    }

    /** The hits of one matching part; {@link #resolve} is only needed should the Monitor ever split a part. */
    static final class PartHits extends QueryMatch {

        private final List<Hit> hits;

        PartHits(String partId, List<Hit> hits) {
            super(partId);
            this.hits = hits;
        }

        List<Hit> hits() {
            return hits;
        }
    }

    @Override
    public void matchQuery(String partId, Query registered, Map<String, String> metadata) throws IOException {
        var part = parts.get(partId);
        if ((part.context() != null && !holds(part.context())) || (part.exclude() != null && holds(part.exclude()))) {
            return;
        }
        var matches = weightOf(part.main()).matches(story, 0);
        if (matches != null) {
            addMatch(new PartHits(partId, hits(matches)), 0);
        }
    }

    private boolean holds(PreparedQuery shared) throws IOException {
        var answer = sharedAnswers.get(shared);
        if (answer == null) {
            answer = matches(weightOf(shared));
            sharedAnswers.put(shared, answer);
        }
        return answer;
    }

    private Weight weightOf(PreparedQuery query) throws IOException {
        return searcher.createWeight(query.on(searcher), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private boolean matches(Weight weight) throws IOException {
        var supplier = weight.scorerSupplier(story);
        if (supplier == null) {
            return false;
        }
        var scorer = supplier.get(1);
        var twoPhase = scorer.twoPhaseIterator();
        if (twoPhase == null) {
            return scorer.iterator().nextDoc() == 0;
        }
        return twoPhase.approximation().nextDoc() == 0 && twoPhase.matches();
    }

    /** Like Lucene's {@code HighlightsMatch}: every leaf match of the part, per field, as offsets. */
    private static List<Hit> hits(Matches matches) throws IOException {
        var hits = new ArrayList<Hit>();
        for (StoryField field : StoryField.values()) {
            var iterator = matches.getMatches(field.fieldName());
            while (iterator != null && iterator.next()) {
                var leaves = iterator.getSubMatches();
                if (leaves == null) {
                    hits.add(new Hit(field, iterator.startOffset(), iterator.endOffset()));
                } else {
                    while (leaves.next()) {
                        hits.add(new Hit(field, leaves.startOffset(), leaves.endOffset()));
                    }
                }
            }
        }
        return hits;
    }

    @Override
    public PartHits resolve(PartHits first, PartHits second) {
        var hits = new ArrayList<>(first.hits());
        hits.addAll(second.hits());
        return new PartHits(first.getQueryId(), hits);
    }
}
