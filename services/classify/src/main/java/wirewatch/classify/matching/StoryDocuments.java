package wirewatch.classify.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * How a story becomes a Lucene document, and the one analyzer used for documents and queries alike.
 *
 * <p>The analysis is {@link EnglishAnalyzer}'s (standard tokenizer, possessive removal, lower-casing, English
 * stop words, Porter stemming): it lets a rule say {@code "lift sanctions"} and match "lifting of sanctions",
 * and {@code putin} match "Putin's" and "Putin’s". Using the same instance at index and query time is what
 * makes that work: a query analyzed differently from the document would silently never match. Its stop words
 * (including "not" and "no") leave position gaps, so phrase rules need a little slop, and rules cannot express
 * negation by words; refusals are read from the evidence sentence instead (see the evidence package). The chain
 * is spelled out here only to remember stems ({@link CachingPorterStemFilter}); it produces exactly
 * EnglishAnalyzer's tokens.
 */
final class StoryDocuments {

    static final Analyzer ANALYZER = new StoryAnalyzer();

    private StoryDocuments() {
    }

    static Document of(StoryText story) {
        var document = new Document();
        document.add(new TextField(StoryField.TITLE.fieldName(), story.title(), Field.Store.NO));
        document.add(new TextField(StoryField.BODY.fieldName(), story.body(), Field.Store.NO));
        return document;
    }

    /** EnglishAnalyzer with no stem exclusions, its stemmer given a memory. */
    private static final class StoryAnalyzer extends StopwordAnalyzerBase {

        StoryAnalyzer() {
            super(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var source = new StandardTokenizer();
            TokenStream result = new EnglishPossessiveFilter(source);
            result = new LowerCaseFilter(result);
            result = new StopFilter(result, stopwords);
            result = new CachingPorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
