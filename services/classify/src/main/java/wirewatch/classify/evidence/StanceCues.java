package wirewatch.classify.evidence;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import wirewatch.events.Stance;

/**
 * The words that tell what an actor did with a term, and the clause boundaries that scope them.
 *
 * <p>When a clause holds several cues, the first one wins: in English the governing verb comes before its
 * object, so "Kyiv rejected Moscow's demands for neutrality" is a rejection and "Moscow demands that Kyiv
 * reject NATO membership" a demand. A negated acceptance ("unlikely to accept", "did not agree") starts at
 * the negation and so wins over the acceptance inside it.
 */
final class StanceCues {

    private static final Map<Stance, Pattern> CUES = new EnumMap<>(Map.of(
            Stance.REJECTED, Pattern.compile(
                    "\\b(?:refus\\w*|reject\\w*|rebuff\\w*|dismiss(?:es|ed|ing)?|rul(?:e|es|ed|ing) out"
                            + "|turn(?:s|ed|ing)? down|den(?:y|ies|ied)|veto(?:es|ed)?|non-starter|off the table"
                            + "|oppos(?:e|es|ed|ing)|block(?:s|ed|ing)?|unacceptable|failed to (?:agree|reach))\\b"
                            // "no ceasefire is on the table", "no easing of sanctions", "there will be no lifting"
                            + "|\\b(?:no|not)\\b[^,;:]{0,40}?\\bon the table\\b"
                            + "|\\bno (?:recogni\\w+|easing|lifting|relief|compromises?|concessions?|truce|ceasefire)\\b"
                            + "|(?:\\bnot|\\bnever|n[’']t|\\bunlikely to|\\bno intention of)\\s+(?:\\w+\\s+){0,2}?"
                            + "(?:accept|agree|approve|consider|allow|sign|support|recogni[sz]e|withdraw|pull|cede"
                            + "|give (?:up|away)|hand over|renounce|abandon|need|lift|ease)\\w*"),
            Stance.DEMANDED, Pattern.compile(
                    "\\b(?:demand\\w*|insist\\w*|want(?:s|ed|ing)?|(?:pre)?conditions?|ultimatums?|requir\\w*"
                            + "|must|seek(?:s|ing)?|sought|call(?:s|ed|ing)? for|press(?:es|ed|ing)? for"
                            + "|push(?:es|ed|ing)? for|no compromise on|call(?:s|ed|ing)? on|wish ?list|unless"
                            // a condition: "can only be settled if", "relief only after a withdrawal"
                            + "|only (?:\\w+ ){0,3}?(?:if|after|once)"
                            // refusing to give ground on something is insisting on it
                            + "|(?:unwilling|refus(?:es|ed|ing)?|not willing) to (?:compromise|budge|back down))\\b"
                            + "|(?<!\\bin )\\bterms\\b(?! of\\b)"),
            Stance.PROPOSED, Pattern.compile(
                    "\\b(?:propos\\w*|offer\\w*|suggest\\w*|float(?:s|ed|ing)?|put(?:s|ting)? forward"
                            + "|plan(?:s|ned)? to|open to|ready (?:to|for)|willing to|prepared to|peace plan"
                            + "|consider(?:s|ing)?|weigh(?:s|ing)?|should)\\b"),
            Stance.AGREED, Pattern.compile(
                    "\\b(?:agree(?:s|d)?|agreement|signed|signing|signs (?:a|an|the)|accept(?:s|ed|ing)?"
                            + "|approv(?:e|es|ed|ing)|reached (?:a |an )?(?:deal|agreement)|struck (?:a )?deal"
                            + "|implement\\w*|endorse(?:s|d)?)\\b")));

    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "[,;:()\\[\\]—–]|\\s-\\s|\\b(?:but|while|whereas|although|though|however|yet)\\b",
            Pattern.CASE_INSENSITIVE);

    private record Found(Stance stance, int start, int length) {
    }

    private StanceCues() {
    }

    /** The first cue in the text; without {@code allowRejection}, refusals are skipped (they stay in their clause). */
    static Optional<Stance> firstCue(String text, boolean allowRejection) {
        var lower = text.toLowerCase(Locale.ROOT);
        return CUES.entrySet().stream()
                .filter(entry -> allowRejection || entry.getKey() != Stance.REJECTED)
                .map(entry -> {
                    Matcher matcher = entry.getValue().matcher(lower);
                    return matcher.find()
                            ? new Found(entry.getKey(), matcher.start(), matcher.end() - matcher.start())
                            : null;
                })
                .filter(Objects::nonNull)
                .min(Comparator.comparingInt(Found::start).thenComparing(Found::length, Comparator.reverseOrder()))
                .map(Found::stance);
    }

    /** Start offsets of the clauses of a sentence, the first always 0. */
    static int[] clauseStarts(String sentence) {
        var matcher = CLAUSE_BOUNDARY.matcher(sentence);
        return IntStream.concat(IntStream.of(0),
                matcher.results().mapToInt(MatchResult::start).filter(start -> start > 0))
                .distinct()
                .toArray();
    }
}
