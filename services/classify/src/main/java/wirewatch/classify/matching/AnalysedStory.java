package wirewatch.classify.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** One bit per field, for {@link #fieldsByTerm}; a field no story has holds nothing, as in Lucene. */
    private static final Map<String, Integer> FIELD_BITS = Arrays.stream(StoryField.values())
            .collect(Collectors.toUnmodifiableMap(StoryField::fieldName, field -> 1 << field.ordinal()));

    private final Map<StoryField, FieldTokens> tokens;
    /** Each distinct term with the fields holding it, one bit per {@link StoryField} ordinal. */
    private final Map<String, Integer> fieldsByTerm;
    private IndexSearcher searcher;

    private AnalysedStory(Map<StoryField, FieldTokens> tokens, Map<String, Integer> fieldsByTerm) {
        this.tokens = tokens;
        this.fieldsByTerm = fieldsByTerm;
    }

    static AnalysedStory of(StoryText story) {
        var tokens = new EnumMap<StoryField, FieldTokens>(StoryField.class);
        var fieldsByTerm = new HashMap<String, Integer>();
        for (StoryField field : StoryField.values()) {
            var fieldTokens = FieldTokens.of(field, story.text(field));
            tokens.put(field, fieldTokens);
            var bit = FIELD_BITS.get(field.fieldName());
            for (String term : fieldTokens.terms) {
                fieldsByTerm.merge(term, bit, (held, added) -> held | added);
            }
        }
        return new AnalysedStory(tokens, fieldsByTerm);
    }

    /** The distinct analysed terms of title and body. */
    Set<String> terms() {
        return fieldsByTerm.keySet();
    }

    /** Whether the named field holds this analysed term. */
    boolean contains(String field, String term) {
        var fields = fieldsByTerm.get(term);
        return fields != null && (fields & FIELD_BITS.getOrDefault(field, 0)) != 0;
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
            if (fieldsByTerm.containsKey(term)) {
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
