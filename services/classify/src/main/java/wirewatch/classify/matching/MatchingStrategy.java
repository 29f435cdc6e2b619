package wirewatch.classify.matching;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the parts of a rule set that match a story are found. Both strategies verify every part they select
 * with {@link PartVerifier}, so they differ only in how they choose which parts to try, and give the same
 * results; {@link RuleMatcher} picks one.
 */
sealed interface MatchingStrategy extends Closeable permits MonitorStrategy, TermFilteredStrategy {

    /** Reports every matching part, and every part that threw, to {@code results}. */
    void match(StoryText story, Results results) throws IOException;

    @Override
    void close() throws IOException;

    /** Gathers one story's matching parts by rule. */
    final class Results {

        private static final Comparator<Hit> READING_ORDER = Comparator.comparing(Hit::field)
                .thenComparingInt(Hit::startOffset)
                .thenComparingInt(Hit::endOffset);

        private final Map<String, List<Hit>> hits = new HashMap<>();
        private final Map<String, String> errors = new HashMap<>();

        void matched(RulePart part, List<Hit> partHits) {
            hits.computeIfAbsent(part.ruleId(), ruleId -> new ArrayList<>()).addAll(partHits);
        }

        void failed(RulePart part, Exception error) {
            errors.putIfAbsent(part.ruleId(), describe(error));
        }

        /** Each rule's hits in reading order, whichever order its parts were found in. */
        MatchResult result() {
            hits.values().forEach(ruleHits -> ruleHits.sort(READING_ORDER));
            return new MatchResult(hits, errors);
        }

        private static String describe(Exception error) {
            return error.getMessage() == null ? error.getClass().getSimpleName()
                    : error.getClass().getSimpleName() + ": " + error.getMessage();
        }
    }
}
