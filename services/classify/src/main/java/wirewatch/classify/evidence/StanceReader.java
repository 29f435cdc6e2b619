package wirewatch.classify.evidence;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import wirewatch.events.Stance;

/**
 * Reads what the story says was done with a term, from the cues around a hit:
 * <ol>
 * <li>nothing, when nothing is asserted of the term: a question, a term that only dates something else
 *     ("troops after a ceasefire") or a hypothesis ("if sanctions are lifted") is {@link Stance#REPORTED},
 *     whatever the clause does;</li>
 * <li>the verbs of the clause holding the hit, refusals included ("Kyiv rejected neutrality");</li>
 * <li>the verbs of the earlier clauses of the same sentence, then of the later ones, but not their refusals (a
 *     negation is scoped to its clause, so in "Kyiv rejected the ceasefire, and agreed to talks on sanctions
 *     relief" the relief is agreed), and never across a contrast ("but", "while");</li>
 * <li>for a list item, the line ending with ':' that introduces the list ("Putin's conditions involve:");</li>
 * <li>the nouns of the sentence (conditions, terms, a plan), which count only when no verb does;</li>
 * <li>for the story as a whole, a headline or first line that frames it as demands or conditions.</li>
 * </ol>
 * Anything else is {@link Stance#REPORTED}.
 */
final class StanceReader {

    private final StorySentences sentences;
    /** Read only when a match has no cue of its own, which most matches have; null until then. */
    private Boolean framedAsDemands;

    StanceReader(StorySentences sentences) {
        this.sentences = sentences;
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
                .orElseGet(() -> framedAsDemands() ? Stance.DEMANDED : Stance.REPORTED);
    }

    private boolean framedAsDemands() {
        if (framedAsDemands == null) {
            framedAsDemands = sentences.framing().stream()
                    .anyMatch(sentence -> StanceCues.firstCue(sentence.text(), false).orElse(null) == Stance.DEMANDED);
        }
        return framedAsDemands;
    }

    Optional<Stance> localStance(HitInSentence hit) {
        var sentence = hit.sentence();
        var text = sentence.text();
        var clauses = StanceCues.clauses(text);
        // the term's clause is that of its last word: in "Kyiv says neutrality is not on the table" the term
        // "Kyiv ... neutrality" starts before the reporting verb, but what is said of it comes after
        int anchor = Math.clamp(hit.anchor() - sentence.start(), 0, text.length());
        int own = clauseAt(clauses, anchor);
        var clause = clauses.get(own);
        int start = Math.clamp(hit.offset() - sentence.start(), clause.start(), anchor);
        var before = text.substring(clause.start(), start);
        // a question asserts nothing ("Could a neutral Ukraine survive?")
        if (text.endsWith("?")) {
            return Optional.of(Stance.REPORTED);
        }
        // the term's own words may stand between the condition and its last word: "unless gas curbs are eased";
        // a denial reports the condition rather than sets it ("denied that Putin offered X in exchange for Y")
        if ((StanceCues.makesItACondition(before)
                || StanceCues.makesItACondition(text.substring(clause.start(), wordStart(text, anchor, start))))
                && StanceCues.firstVerb(text.substring(0, start), false).orElse(null) != Stance.REPORTED) {
            return Optional.of(Stance.DEMANDED);
        }
        if (StanceCues.leavesUnasserted(before)) {
            return Optional.of(Stance.REPORTED);
        }
        var membershipRefusal = StanceCues.membershipRefusalIn(text);
        // a verb anywhere in the sentence outranks a noun: "US plan: Ukraine to enshrine non-NATO status; Kyiv
        // agrees to most points" is agreed, whatever the plan proposed
        return sentenceCue(text, clauses, own,
                        (clauseText, allowRejection) -> StanceCues.firstVerb(clauseText, allowRejection, membershipRefusal))
                .or(() -> sentences.leadIn(sentence).flatMap(leadIn -> StanceCues.leadInCue(leadIn.text())))
                .or(() -> sentenceCue(text, clauses, own, StanceCues::firstNoun));
    }

    /** The hit's own clause first, refusals included; then the earlier and the later ones, refusals left out. */
    private static Optional<Stance> sentenceCue(String text, List<StanceCues.Clause> clauses, int own,
            BiFunction<String, Boolean, Optional<Stance>> cueIn) {
        var cue = cueIn.apply(textOf(text, clauses.get(own)), true);
        // a contrast ends a cue's reach: in "Kyiv agreed to most points, but territory remained open" the
        // territory is not agreed
        for (int earlier = own - 1; earlier >= 0 && cue.isEmpty() && !clauses.get(earlier + 1).contrasted();
                earlier--) {
            cue = cueIn.apply(textOf(text, clauses.get(earlier)), false);
        }
        // a topic before a colon or a term before its verb: "Frozen assets: G7 agree to keep reserves immobilised"
        for (int later = own + 1; cue.isEmpty() && later < clauses.size() && !clauses.get(later).contrasted();
                later++) {
            cue = cueIn.apply(textOf(text, clauses.get(later)), false);
        }
        return cue;
    }

    /** Where the word holding {@code position} starts, but not before {@code floor}. */
    private static int wordStart(String text, int position, int floor) {
        int start = position;
        while (start > floor && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        return start;
    }

    private static int clauseAt(List<StanceCues.Clause> clauses, int position) {
        int clause = 0;
        while (clause + 1 < clauses.size() && clauses.get(clause + 1).start() <= position) {
            clause++;
        }
        return clause;
    }

    private static String textOf(String sentence, StanceCues.Clause clause) {
        return sentence.substring(clause.start(), clause.end());
    }

    /**
     * A sentence of evidence and where in the field the rule hit it.
     *
     * @param offset where the rule's first hit in the sentence starts
     * @param anchor the last character of that first term (its words follow the first hit closely)
     */
    record HitInSentence(Sentence sentence, int offset, int anchor) {

        HitInSentence(Sentence sentence, int offset) {
            this(sentence, offset, offset);
        }
    }
}
