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
        var firstHitBySentence = new LinkedHashMap<Sentence, Integer>();
        hits.stream()
                .sorted(Comparator.comparing(Hit::field).thenComparingInt(Hit::startOffset))
                .forEach(hit -> sentences.containing(hit.field(), hit.startOffset())
                        .ifPresent(sentence -> firstHitBySentence.putIfAbsent(sentence, hit.startOffset())));
        var evidence = new ArrayList<StanceReader.HitInSentence>();
        firstHitBySentence.forEach(
                (sentence, offset) -> evidence.add(new StanceReader.HitInSentence(sentence, offset)));
        var texts = evidence.stream().map(hit -> hit.sentence().text()).distinct().toList();
        boolean titleHit = hits.stream().anyMatch(hit -> hit.field() == StoryField.TITLE);
        return new Assessment(texts, Confidence.of(titleHit, texts.size(), weight, hasContext),
                stanceReader.stanceOf(evidence));
    }
}
