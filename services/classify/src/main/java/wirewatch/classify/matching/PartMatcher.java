package wirewatch.classify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/** Runs the rule parts Lucene Monitor's presearcher selected against one story, with {@link PartVerifier}. */
final class PartMatcher extends CandidateMatcher<PartMatcher.PartHits> {

    private final Map<String, RulePart> parts;
    private final PartVerifier verifier;

    PartMatcher(IndexSearcher searcher, Map<String, RulePart> parts) {
        super(searcher);
        this.parts = parts;
        this.verifier = new PartVerifier(() -> searcher, null);
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
        var hits = verifier.hitsOf(parts.get(partId));
        if (hits != null) {
            addMatch(new PartHits(partId, hits), 0);
        }
    }

    @Override
    public PartHits resolve(PartHits first, PartHits second) {
        var hits = new ArrayList<>(first.hits());
        hits.addAll(second.hits());
        return new PartHits(first.getQueryId(), hits);
    }
}
