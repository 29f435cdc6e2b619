package wirewatch.classify.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;

/**
 * A story analysed once: the set of its terms, which is all that {@link TermFilteredMatcher} needs to rule out
 * nearly every rule, and, built only when some rule part survives that, the one-story index the parts are
 * verified against. The index is fed the tokens recorded here rather than analysing the text a second time:
 * the Porter stemmer is the costliest step of matching a story that matches nothing.
 */
final class AnalysedStory {

    private final Map<StoryField, FieldTokens> fields = new EnumMap<>(StoryField.class);
    private final Set<String> terms = new HashSet<>();
    private final Map<String, Set<String>> termsByField = new HashMap<>();
    private IndexSearcher searcher;

    private AnalysedStory() {
    }

    static AnalysedStory of(StoryText story) {
        var analysed = new AnalysedStory();
        for (StoryField field : StoryField.values()) {
            var tokens = FieldTokens.of(field, story.text(field));
            var fieldTerms = new HashSet<>(tokens.terms);
            analysed.fields.put(field, tokens);
            analysed.termsByField.put(field.fieldName(), fieldTerms);
            analysed.terms.addAll(fieldTerms);
        }
        return analysed;
    }

    /** Whether the story, title or body, holds this (analysed) term. */
    boolean contains(String term) {
        return terms.contains(term);
    }

    /** Whether the story holds a term of each group ({@link RequiredTerms}). */
    boolean holdsSomeOfEach(String[][] groups) {
        for (String[] group : groups) {
            if (!holdsAnyOf(group)) {
                return false;
            }
        }
        return true;
    }

    private boolean holdsAnyOf(String[] group) {
        for (String term : group) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the named field holds this (analysed) term. */
    boolean contains(String field, String term) {
        var fieldTerms = termsByField.get(field);
        return fieldTerms != null && fieldTerms.contains(term);
    }

    Set<String> terms() {
        return terms;
    }

    /** A searcher over the story, as Lucene Monitor would index it; built on first use. */
    IndexSearcher searcher() {
        if (searcher == null) {
            // offsets are what the evidence is made of; payloads are never used
            var index = new MemoryIndex(true, false);
            for (var entry : fields.entrySet()) {
                index.addField(entry.getKey().fieldName(), entry.getValue().replay());
            }
            index.freeze();
            searcher = index.createSearcher();
        }
        return searcher;
    }

    /** The analyser's output for one field, token by token, as the index needs it. */
    private record FieldTokens(List<String> terms, int[] positionIncrements, int[] startOffsets, int[] endOffsets,
            int endPositionIncrement, int finalOffset) {

        static FieldTokens of(StoryField field, String text) {
            var terms = new ArrayList<String>();
            var increments = new IntList();
            var starts = new IntList();
            var ends = new IntList();
            try (TokenStream stream = StoryDocuments.ANALYZER.tokenStream(field.fieldName(), text)) {
                var term = stream.addAttribute(CharTermAttribute.class);
                var increment = stream.addAttribute(PositionIncrementAttribute.class);
                var offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    terms.add(term.toString());
                    increments.add(increment.getPositionIncrement());
                    starts.add(offset.startOffset());
                    ends.add(offset.endOffset());
                }
                stream.end();
                return new FieldTokens(terms, increments.toArray(), starts.toArray(), ends.toArray(),
                        increment.getPositionIncrement(), offset.endOffset());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot analyse the story's " + field.fieldName(), e);
            }
        }

        TokenStream replay() {
            return new Replay(this);
        }
    }

    /** Plays recorded tokens back with the attributes {@link MemoryIndex} reads. */
    private static final class Replay extends TokenStream {

        private final FieldTokens tokens;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private int next;

        Replay(FieldTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.terms().size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms().get(next));
            increment.setPositionIncrement(tokens.positionIncrements()[next]);
            offset.setOffset(tokens.startOffsets()[next], tokens.endOffsets()[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(tokens.endPositionIncrement());
            offset.setOffset(tokens.finalOffset(), tokens.finalOffset());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
