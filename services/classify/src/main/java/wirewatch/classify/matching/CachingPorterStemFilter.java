package wirewatch.classify.matching;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * {@link PorterStemFilter} with a memory of the words it has stemmed. News repeats its vocabulary, and stemming
 * was the costliest step of analysing a story; a word seen before is now one hash look-up. The stem is always
 * what Lucene's own filter gives (a word not yet remembered is stemmed by it), so documents and queries
 * analysed with or without the memory come out the same.
 *
 * <p>An analyzer keeps one filter chain per thread, so the memory is per thread and needs no locking. It stops
 * growing at {@value #CAPACITY} words, about the working vocabulary of a news feed.
 */
final class CachingPorterStemFilter extends TokenFilter {

    static final int CAPACITY = 20_000;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
    private final OneWord word = new OneWord();
    private final TokenStream stemmer = new PorterStemFilter(word);
    private final CharTermAttribute stemmed = stemmer.getAttribute(CharTermAttribute.class);

    CachingPorterStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword()) {
            return true;
        }
        var stem = stems.get(term.buffer(), 0, term.length());
        if (stem == null) {
            stem = stem();
            if (stems.size() < CAPACITY) {
                stems.put(Arrays.copyOf(term.buffer(), term.length()), stem);
            }
        }
        term.copyBuffer(stem, 0, stem.length);
        return true;
    }

    private char[] stem() throws IOException {
        word.set(term);
        stemmer.incrementToken();
        return Arrays.copyOf(stemmed.buffer(), stemmed.length());
    }

    /** A stream of the one word handed to it, for Lucene's stemmer to read. */
    private static final class OneWord extends TokenStream {

        private final CharTermAttribute text = addAttribute(CharTermAttribute.class);
        private boolean pending;

        void set(CharTermAttribute word) {
            text.copyBuffer(word.buffer(), 0, word.length());
            pending = true;
        }

        @Override
        public boolean incrementToken() {
            boolean next = pending;
            pending = false;
            return next;
        }
    }
}
