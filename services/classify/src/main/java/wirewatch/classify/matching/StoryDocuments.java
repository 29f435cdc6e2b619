package wirewatch.classify.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * How a story becomes a Lucene document, and the one analyzer used for documents and queries alike.
 *
 * <p>{@link EnglishAnalyzer} (standard tokenizer, possessive removal, lower-casing, English stop words, Porter
 * stemming) lets a rule say {@code "lift sanctions"} and match "lifting of sanctions", and {@code putin} match
 * "Putin's" and "Putin’s". Using the same instance at index and query time is what makes that work: a query
 * analyzed differently from the document would silently never match. Its stop words (including "not" and
 * "no") leave position gaps, so phrase rules need a little slop, and rules cannot express negation by words;
 * refusals are read from the evidence sentence instead (see the evidence package).
 */
final class StoryDocuments {

    static final Analyzer ANALYZER = new EnglishAnalyzer();

    private StoryDocuments() {
    }

    static Document of(StoryText story) {
        var document = new Document();
        document.add(new TextField(StoryField.TITLE.fieldName(), story.title(), Field.Store.NO));
        document.add(new TextField(StoryField.BODY.fieldName(), story.body(), Field.Store.NO));
        return document;
    }
}
