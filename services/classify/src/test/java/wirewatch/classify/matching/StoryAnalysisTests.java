package wirewatch.classify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;
import wirewatch.classify.evaluation.CorpusReader;

/** The analyzer remembers stems for speed, and must still analyse exactly as {@link EnglishAnalyzer} does. */
class StoryAnalysisTests {

    @Test
    void stemsPossessivesAndInflectionsAsEnglishAnalyzerDoes() throws IOException {
        assertThat(terms(StoryDocuments.ANALYZER, "Putin’s demands: lifting of the sanctions, Ukraine's neutrality"))
                .containsExactly("putin", "demand", "lift", "sanction", "ukrain", "neutral");
    }

    @Test
    void producesEnglishAnalyzersTokensForEveryCorpusStoryWhetherItsStemsAreRememberedOrNot() throws IOException {
        var texts = corpusTexts();
        try (var english = new EnglishAnalyzer()) {
            // twice: first with most stems new, then with all of them remembered
            for (int round = 0; round < 2; round++) {
                for (String text : texts) {
                    assertThat(tokens(StoryDocuments.ANALYZER, text)).isEqualTo(tokens(english, text));
                }
            }
        }
    }

    private static List<String> corpusTexts() throws IOException {
        var texts = new ArrayList<String>();
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".jsonl")).sorted().toList()) {
                new CorpusReader().read(file).forEach(story -> {
                    texts.add(story.title());
                    texts.add(story.body());
                });
            }
        }
        assertThat(texts).hasSizeGreaterThan(500);
        return texts;
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        var terms = new ArrayList<String>();
        try (var stream = analyzer.tokenStream("body", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    /** Each token as term, position increment and offsets, the end-of-stream state last. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        var tokens = new ArrayList<String>();
        try (var stream = analyzer.tokenStream("body", text)) {
            var term = stream.addAttribute(CharTermAttribute.class);
            var increment = stream.addAttribute(PositionIncrementAttribute.class);
            var offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + "+" + increment.getPositionIncrement() + "@" + offset.startOffset() + "-"
                        + offset.endOffset());
            }
            stream.end();
            tokens.add("end+" + increment.getPositionIncrement() + "@" + offset.endOffset());
        }
        return tokens;
    }
}
