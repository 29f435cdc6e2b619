package wirewatch.classify.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import wirewatch.classify.matching.Hit;
import wirewatch.classify.matching.StoryField;
import wirewatch.classify.matching.StoryText;
import wirewatch.events.Stance;

/** One story split into sentences once, then asked about each rule that matched it. */
public final class StoryEvidence {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    /** At most this many characters between two hit words of one term: a phrase's slop, stop words included. */
    private static final int WORDS_OF_ONE_TERM = 30;

    private final StorySentences sentences;
    private final StanceReader stanceReader;

    private StoryEvidence(StorySentences sentences) {
        this.sentences = sentences;
        this.stanceReader = new StanceReader(sentences);
    }

    public static StoryEvidence of(StoryText story) {
        return new StoryEvidence(SPLITTER.split(story));
    }

    /** What a rule's match amounts to. */
    public record Assessment(List<String> evidence, double confidence, Stance stance) {

        public Assessment {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * @param hits       the hits of the rule's main query (never its context)
     * @param weight     the rule's weight
     * @param hasContext whether the rule has a context the story had to match
     */
    public Assessment assess(List<Hit> hits, double weight, boolean hasContext) {
        // a phrase hits once per word, or once for its whole span; a sentence's first term runs from its first hit
        // to the last of the hits that follow it closely
        var firstTermBySentence = new LinkedHashMap<Sentence, StanceReader.HitInSentence>();
        var lastWord = new LinkedHashMap<Sentence, Hit>();
        hits.stream()
                .sorted(Comparator.comparing(Hit::field).thenComparingInt(Hit::startOffset))
                .forEach(hit -> sentences.containing(hit.field(), hit.startOffset()).ifPresent(sentence -> {
                    var term = firstTermBySentence.get(sentence);
                    if (term == null) {
                        firstTermBySentence.put(sentence,
                                new StanceReader.HitInSentence(sentence, hit.startOffset(), hit.endOffset() - 1));
                        lastWord.put(sentence, hit);
                    } else if (hit.startOffset() - lastWord.get(sentence).endOffset() <= WORDS_OF_ONE_TERM) {
                        firstTermBySentence.put(sentence,
                                new StanceReader.HitInSentence(sentence, term.offset(), hit.endOffset() - 1));
                        lastWord.put(sentence, hit);
                    }
                }));
        var evidence = new ArrayList<>(firstTermBySentence.values());
        var texts = evidence.stream().map(hit -> hit.sentence().text()).distinct().toList();
        boolean titleHit = hits.stream().anyMatch(hit -> hit.field() == StoryField.TITLE);
        return new Assessment(texts, Confidence.of(titleHit, texts.size(), weight, hasContext),
                stanceReader.stanceOf(evidence));
    }
}
