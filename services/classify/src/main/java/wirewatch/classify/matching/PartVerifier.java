package wirewatch.classify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Decides whether rule parts match one story, and where. A part matches when the story holds the rule's
 * context, does not hold its exclusion, and matches the part's own query, exactly as
 * {@code +part #context -exclude} would; checked in that order, because a story answers each distinct context
 * and exclusion once for all the parts that share it, and only then pays for the part itself. The part's
 * {@link Matches} both decide and give the hit offsets, so context hits never become evidence.
 */
final class PartVerifier {

    private final Supplier<IndexSearcher> index;
    private final AnalysedStory terms;
    private final Map<PreparedQuery, Boolean> sharedAnswers = new IdentityHashMap<>();
    private IndexSearcher searcher;
    private LeafReaderContext story;

    /**
     * @param index a searcher over the one story, asked for only when a query needs it
     * @param terms the story's terms, to answer queries of terms alone without the index; {@code null} when
     *              the index is there anyway
     */
    PartVerifier(Supplier<IndexSearcher> index, AnalysedStory terms) {
        this.index = index;
        this.terms = terms;
    }

    /** The part's hits when it matches the story, or {@code null} when it does not. */
    List<Hit> hitsOf(RulePart part) throws IOException {
        if ((part.context() != null && !holds(part.context())) || (part.exclude() != null && holds(part.exclude()))) {
            return null;
        }
        var weight = weightOf(part.main());
        var matches = weight.matches(story, 0);
        return matches == null ? null : hits(matches);
    }

    private boolean holds(PreparedQuery shared) throws IOException {
        var answer = sharedAnswers.get(shared);
        if (answer == null) {
            if (terms == null) {
                answer = matches(weightOf(shared));
            } else if (shared.presence() != null) {
                answer = shared.presence().holds(terms);
            } else {
                answer = terms.holdsSomeOfEach(shared.required()) && matches(weightOf(shared));
            }
            sharedAnswers.put(shared, answer);
        }
        return answer;
    }

    private Weight weightOf(PreparedQuery query) throws IOException {
        if (searcher == null) {
            searcher = index.get();
            // a one-story index is never worth caching, and wrapping every part's weight for the cache is not free
            searcher.setQueryCache(null);
            story = searcher.getIndexReader().leaves().getFirst();
        }
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
}
