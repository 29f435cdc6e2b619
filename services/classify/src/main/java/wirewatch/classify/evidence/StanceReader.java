package wirewatch.classify.evidence;

import java.util.List;
import java.util.Optional;
import wirewatch.events.Stance;

/**
 * Reads what the story says was done with a term, from the cues around a hit:
 * <ol>
 * <li>the clause holding the hit, refusals included ("Kyiv rejected neutrality");</li>
 * <li>the earlier clauses of the same sentence, but not their refusals: a negation is scoped to its clause,
 *     so in "Kyiv rejected the ceasefire, but agreed to talks on sanctions relief" the relief is agreed;</li>
 * <li>for a list item, the line ending with ':' that introduces the list ("Putin's conditions involve:");</li>
 * <li>for the story as a whole, a headline or first line that frames it as demands or conditions.</li>
 * </ol>
 * Anything else is {@link Stance#REPORTED}.
 */
final class StanceReader {

    private final StorySentences sentences;
    private final boolean framedAsDemands;

    StanceReader(StorySentences sentences) {
        this.sentences = sentences;
        this.framedAsDemands = sentences.framing().stream()
                .anyMatch(sentence -> StanceCues.firstCue(sentence.text(), false).orElse(null) == Stance.DEMANDED);
    }

    /**
     * The stance of a rule's match: the first evidence sentence (in reading order) with a cue of its own
     * decides; the story's framing is the fallback.
     *
     * @param evidence each evidence sentence with the offset of the rule's first hit in it
     */
    Stance stanceOf(List<HitInSentence> evidence) {
        return evidence.stream()
                .map(this::localStance)
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(framedAsDemands ? Stance.DEMANDED : Stance.REPORTED);
    }

    Optional<Stance> localStance(HitInSentence hit) {
        var sentence = hit.sentence();
        var text = sentence.text();
        int[] clauses = StanceCues.clauseStarts(text);
        int position = Math.clamp(hit.offset() - sentence.start(), 0, text.length());
        int clause = 0;
        while (clause + 1 < clauses.length && clauses[clause + 1] <= position) {
            clause++;
        }
        int clauseEnd = clause + 1 < clauses.length ? clauses[clause + 1] : text.length();
        var own = StanceCues.firstCue(text.substring(clauses[clause], clauseEnd), true);
        if (own.isPresent()) {
            return own;
        }
        for (int earlier = clause - 1; earlier >= 0; earlier--) {
            var cue = StanceCues.firstCue(text.substring(clauses[earlier], clauses[earlier + 1]), false);
            if (cue.isPresent()) {
                return cue;
            }
        }
        return sentences.leadIn(sentence).flatMap(leadIn -> StanceCues.firstCue(leadIn.text(), true));
    }

    /** A sentence of evidence and where in the field the rule hit it. */
    record HitInSentence(Sentence sentence, int offset) {
    }
}
