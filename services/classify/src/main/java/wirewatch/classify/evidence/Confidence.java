package wirewatch.classify.evidence;

/**
 * How sure a match is, from 0 to 1:
 *
 * <pre>
 * confidence = weight × min(1, 0.30                              a hit at all
 *                            + 0.25 if a hit is in the title      the headline is about it
 *                            + 0.10 × min(evidence sentences, 3)   the story dwells on it
 *                            + 0.15 if the rule has a context)    the story is also about Russia/Ukraine
 * </pre>
 *
 * A single body sentence from a rule with no context scores 0.40; a title hit backed by three sentences and
 * a context scores 1.0. The rule's weight (0..1) lets authors mark broad rules as less certain. Rounded to
 * three decimals so the same story always publishes the same number.
 */
public final class Confidence {

    static final double BASE = 0.30;
    static final double TITLE = 0.25;
    static final double PER_SENTENCE = 0.10;
    static final int COUNTED_SENTENCES = 3;
    static final double CONTEXT = 0.15;

    private Confidence() {
    }

    public static double of(boolean titleHit, int evidenceSentences, double weight, boolean hasContext) {
        double raw = BASE
                + (titleHit ? TITLE : 0)
                + PER_SENTENCE * Math.min(Math.max(evidenceSentences, 0), COUNTED_SENTENCES)
                + (hasContext ? CONTEXT : 0);
        double confidence = Math.clamp(weight, 0.0, 1.0) * Math.min(1.0, raw);
        return Math.round(confidence * 1000) / 1000.0;
    }
}
