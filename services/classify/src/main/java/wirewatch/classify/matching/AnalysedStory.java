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
 * A story analysed once: its terms, per field and together, which is all that {@link TermFilteredStrategy}
 * needs to rule out nearly every rule, and, built only when some rule part survives that, the one-story index
 * the part is verified against. The index is fed the tokens recorded here rather than analysing the text a
 * second time, and is the index Lucene Monitor builds for a story: same analyzer, positions and offsets.
 */
final class AnalysedStory {

    private final Map<StoryField, FieldTokens> tokens;
    private final Map<String, Set<String>> termsByField;
    private final Set<String> terms;
    private IndexSearcher searcher;

    private AnalysedStory(Map<StoryField, FieldTokens> tokens, Map<String, Set<String>> termsByField,
            Set<String> terms) {
        this.tokens = tokens;
        this.termsByField = termsByField;
        this.terms = terms;
    }

    static AnalysedStory of(StoryText story) {
        var tokens = new EnumMap<StoryField, FieldTokens>(StoryField.class);
        var termsByField = new HashMap<String, Set<String>>();
        var terms = new HashSet<String>();
        for (StoryField field : StoryField.values()) {
            var fieldTokens = FieldTokens.of(field, story.text(field));
            var fieldTerms = new HashSet<>(fieldTokens.terms);
            tokens.put(field, fieldTokens);
            termsByField.put(field.fieldName(), fieldTerms);
            terms.addAll(fieldTerms);
        }
        return new AnalysedStory(tokens, termsByField, terms);
    }

    /** The distinct analysed terms of title and body. */
    Set<String> terms() {
        return terms;
    }

    /** Whether the named field holds this analysed term. */
    boolean contains(String field, String term) {
        var fieldTerms = termsByField.get(field);
        return fieldTerms != null && fieldTerms.contains(term);
    }

    /** Whether the story, title or body, holds a term of each group ({@link RequiredTerms}). */
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

    /** A searcher over the story; built on first use. */
    IndexSearcher searcher() {
        if (searcher == null) {
            // offsets are what the evidence is made of; payloads are never used
            var index = new MemoryIndex(true, false);
            tokens.forEach((field, fieldTokens) -> index.addField(field.fieldName(), new Replay(fieldTokens)));
            index.freeze();
            searcher = index.createSearcher();
        }
        return searcher;
    }

    /** The analyzer's output for one field, token by token, with what the stream reported at its end. */
    private static final class FieldTokens {

        private final List<String> terms = new ArrayList<>();
        private final IntList positionIncrements = new IntList();
        private final IntList startOffsets = new IntList();
        private final IntList endOffsets = new IntList();
        private int endPositionIncrement;
        private int finalOffset;

        static FieldTokens of(StoryField field, String text) {
            var tokens = new FieldTokens();
            try (TokenStream stream = StoryDocuments.ANALYZER.tokenStream(field.fieldName(), text)) {
                var term = stream.addAttribute(CharTermAttribute.class);
                var increment = stream.addAttribute(PositionIncrementAttribute.class);
                var offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    tokens.terms.add(term.toString());
                    tokens.positionIncrements.add(increment.getPositionIncrement());
                    tokens.startOffsets.add(offset.startOffset());
                    tokens.endOffsets.add(offset.endOffset());
                }
                stream.end();
                tokens.endPositionIncrement = increment.getPositionIncrement();
                tokens.finalOffset = offset.endOffset();
                return tokens;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot analyse the story's " + field.fieldName(), e);
            }
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
            if (next == tokens.terms.size()) {
                return false;
            }
            clearAttributes();
            term.setEmpty().append(tokens.terms.get(next));
            increment.setPositionIncrement(tokens.positionIncrements.get(next));
            offset.setOffset(tokens.startOffsets.get(next), tokens.endOffsets.get(next));
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            increment.setPositionIncrement(tokens.endPositionIncrement);
            offset.setOffset(tokens.finalOffset, tokens.finalOffset);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
