package wirewatch.classify.matching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Selects parts with an in-memory index of required terms, then verifies the survivors against the story.
 *
 * <p>Each part needs some terms ({@link RequiredTerms}: {@code "lift sanctions"~3} with a Russia context needs
 * {@code lift}, {@code sanction} and one of {@code russia, moscow, ...}). The part is filed under the terms of
 * the group that the fewest other parts mention, a stand-in for the rarest in the news; a story looks up each of
 * its own terms, and a part found that way is verified only when the story holds a term of every one of its
 * groups, which is a few hash look-ups. Parts that need nothing the index understands are tried on every story.
 * The one-story Lucene index the verification runs on is built only when a part survives, from the tokens
 * already analysed, so a story that no rule could match costs one analysis and a few hundred look-ups.
 */
final class TermFilteredStrategy implements MatchingStrategy {

    private static final int[] NO_PARTS = {};

    private final RulePart[] parts;
    /** Per part, its groups: the story must hold at least one term of each. */
    private final String[][][] requirements;
    private final Map<String, int[]> partsByTerm;
    private final int[] alwaysTried;

    private TermFilteredStrategy(RulePart[] parts, String[][][] requirements, Map<String, int[]> partsByTerm,
            int[] alwaysTried) {
        this.parts = parts;
        this.requirements = requirements;
        this.partsByTerm = partsByTerm;
        this.alwaysTried = alwaysTried;
    }

    static TermFilteredStrategy of(List<RulePart> partList) {
        var parts = partList.toArray(RulePart[]::new);
        var requirements = new String[parts.length][][];
        var partsMentioning = new HashMap<String, Integer>();
        for (int i = 0; i < parts.length; i++) {
            requirements[i] = RequiredTerms.asArrays(parts[i].condition());
            Arrays.stream(requirements[i]).flatMap(Arrays::stream).distinct()
                    .forEach(term -> partsMentioning.merge(term, 1, Integer::sum));
        }
        var filed = new HashMap<String, IntList>();
        var always = new IntList();
        for (int i = 0; i < parts.length; i++) {
            var key = rarest(requirements[i], partsMentioning);
            if (key == null) {
                always.add(i);
                continue;
            }
            for (String term : key) {
                filed.computeIfAbsent(term, t -> new IntList()).add(i);
            }
        }
        var partsByTerm = new HashMap<String, int[]>(filed.size() * 2);
        filed.forEach((term, ids) -> partsByTerm.put(term, ids.toArray()));
        return new TermFilteredStrategy(parts, requirements, partsByTerm, always.toArray());
    }

    private static String[] rarest(String[][] groups, Map<String, Integer> partsMentioning) {
        String[] rarest = null;
        long lowest = Long.MAX_VALUE;
        for (String[] group : groups) {
            long mentions = 0;
            for (String term : group) {
                mentions += partsMentioning.get(term);
            }
            if (mentions < lowest) {
                lowest = mentions;
                rarest = group;
            }
        }
        return rarest;
    }

    @Override
    public void match(StoryText story, Results results) throws IOException {
        var analysed = AnalysedStory.of(story);
        PartVerifier verifier = null;
        for (int id : candidates(analysed)) {
            if (!analysed.holdsSomeOfEach(requirements[id])) {
                continue;
            }
            if (verifier == null) {
                verifier = new PartVerifier(analysed::searcher, analysed);
            }
            var part = parts[id];
            try {
                var hits = verifier.hitsOf(part);
                if (hits != null) {
                    results.matched(part, hits);
                }
            } catch (IOException | RuntimeException e) {
                results.failed(part, e);
            }
        }
    }

    /** The parts filed under any of the story's terms and those always tried, each once, in rule-set order. */
    private int[] candidates(AnalysedStory story) {
        var found = new IntList();
        found.addAll(alwaysTried);
        for (String term : story.terms()) {
            found.addAll(partsByTerm.getOrDefault(term, NO_PARTS));
        }
        var ids = found.toArray();
        Arrays.sort(ids);
        int distinct = 0;
        for (int i = 0; i < ids.length; i++) {
            if (i == 0 || ids[i] != ids[i - 1]) {
                ids[distinct++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, distinct);
    }

    @Override
    public void close() {
        // nothing but heap
    }
}
