package wirewatch.classify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.Query;

/**
 * Parts registered in a Lucene {@link Monitor}, whose presearcher selects the parts worth verifying: it indexes
 * the parts' terms, and for each story searches that index with a query made of the story's terms.
 *
 * <p>Two passes index two different terms of each conjunction and select a part only when the story holds
 * both: news stories hold the common terms ("russia", "sanction") that a single-term filter would index, and
 * at 10,000 generated rules one pass let through 591 parts a story against 17 with two.
 */
final class MonitorStrategy implements MatchingStrategy {

    private static final int PRESEARCHER_PASSES = 2;

    private final Monitor monitor;
    private final Map<String, RulePart> parts;

    private MonitorStrategy(Monitor monitor, Map<String, RulePart> parts) {
        this.monitor = monitor;
        this.parts = parts;
    }

    static MonitorStrategy of(List<RulePart> parts) throws IOException {
        var configuration = new MonitorConfiguration().setQueryDecomposer(new KeepWhole());
        var monitor = new Monitor(StoryDocuments.ANALYZER,
                new MultipassTermFilteredPresearcher(PRESEARCHER_PASSES), configuration);
        try {
            var registered = new ArrayList<MonitorQuery>(parts.size());
            for (RulePart part : parts) {
                registered.add(new MonitorQuery(part.id(), part.condition()));
            }
            monitor.register(registered);
        } catch (IOException | RuntimeException e) {
            monitor.close();
            throw e;
        }
        return new MonitorStrategy(monitor,
                parts.stream().collect(Collectors.toUnmodifiableMap(RulePart::id, Function.identity())));
    }

    @Override
    public void match(StoryText story, Results results) throws IOException {
        var matches = monitor.match(StoryDocuments.of(story), searcher -> new PartMatcher(searcher, parts));
        for (PartMatcher.PartHits match : matches.getMatches()) {
            results.matched(parts.get(match.getQueryId()), match.hits());
        }
        matches.getErrors().forEach((partId, error) -> results.failed(parts.get(partId), error));
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }

    /** Rules are already split into parts; a part must reach {@link PartMatcher} under its own id, whole. */
    private static final class KeepWhole extends QueryDecomposer {

        @Override
        public Set<Query> decompose(Query query) {
            return Set.of(query);
        }
    }
}
