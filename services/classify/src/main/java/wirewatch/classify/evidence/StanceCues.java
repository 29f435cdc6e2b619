package wirewatch.classify.evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import wirewatch.events.Stance;

/**
 * The words that tell what an actor did with a term, and the clause boundaries that scope them.
 *
 * <p>Cues are word forms, not lemmas: each pattern lists the inflections of its verbs ("refuse", "refused",
 * "refusing"), so "Moscow has demanded" and "Moscow demands" read alike without a stemmer.
 *
 * <p>When a clause holds several cues, the first one wins: in English the governing verb comes before its
 * object, so "Kyiv rejected Moscow's demands for neutrality" is a rejection and "Moscow demands that Kyiv
 * reject NATO membership" a demand. A cue that starts at a negation ("unlikely to accept", "must not",
 * "did not rule out") starts before the verb it negates and so wins over it; of two cues starting at the
 * same word, the longer wins ("must not" over "must", "need no" over "need").
 *
 * <p>Verbs outrank nouns: "the conditions Kyiv will not accept" is a refusal, "Putin's conditions involve" a
 * demand. Nouns that name a stance without anyone acting on it (conditions, terms, an ultimatum, a draft)
 * decide only a clause without a verb cue.
 */
final class StanceCues {

    private static final CueSet VERBS = CueSet.of(new EnumMap<>(Map.of(
            Stance.REJECTED, Pattern.compile(
                    "\\b(?:refus\\w*|reject\\w*|rebuff\\w*|dismiss(?:es|ed|ing)?|rul(?:e|es|ed|ing) out"
                            + "|turn(?:s|ed|ing)? down|veto(?:es|ed)?|non-starter|off the table"
                            + "|oppos(?:e|es|ed|ing)|block(?:s|ed|ing)?|unacceptable|failed to (?:agree|reach)"
                            + "|must not|mustn[’']t|should not|shouldn[’']t|needs? no"
                            // condemning a term is refusing it: "would be a historic error", "the truce is a trap"
                            + "|mistake|error|capitulation|trap|theft|robbery)\\b"
                            // an adjective condemns only when said of the term ("would be illegal", "'a fake
                            // issue'"), not in "Russia's illegal annexation of Crimea", which is background
                            + "|(?:\\b(?:be|is|are|was|were|call\\w*)\\s+(?:\\S+\\s+){0,3}?|['‘\"“](?:an? )?)"
                            + "(?:illegal|unlawful|absurd|fake)\\b"
                            // "no ceasefire is on the table", "no easing of sanctions", "there will be no lifting"
                            + "|\\b(?:no|not)\\b[^,;:]{0,40}?\\bon the (?:table|agenda)\\b"
                            + "|\\bnever (?:\\w+ )?be\\b"
                            + "|\\bno (?:recogni\\w+|easing|lifting|relief|compromises?|concessions?|truce|ceasefire)\\b"
                            + "|(?:\\bnot|\\bnever|n[’']t|\\bunlikely to|\\bno intention of)\\s+(?:\\w+\\s+){0,2}?"
                            + "(?:accept|agree|approve|consider|allow|sign|support|recogni[sz]e|withdraw|pull|cede"
                            + "|give (?:up|away)|hand over|renounce|abandon|need|lift|ease|relax|grant|permit|drop|remov"
                            + "|trade|send|deploy)\\w*"
                            + "|\\bpush(?:es|ed|ing)? back (?:on|against)\\b|\\bwarn(?:s|ed|ing)? (?:\\w+ )?against\\b"
                            // "no renunciation of the Euro-Atlantic course", "no European troops in Ukraine"
                            + "|\\bno (?:renunciation|withdrawal|deployment|return|transfer|limits?)\\b"
                            + "|\\b(?:must|should) (?:be )?no\\b"
                            + "|\\bno (?:[\\w-]+ ){0,2}?(?:troops|forces|soldiers|military presence|bases)\\b"),
            Stance.DEMANDED, Pattern.compile(
                    "\\b(?:demand\\w*|insist\\w*|want(?:s|ed|ing)?|requir\\w*|must|seek(?:s|ing)?|sought"
                            + "|needs?|needed|needing|depend(?:s|ed|ing)? on|conditional on|on condition that"
                            + "|call(?:s|ed|ing)? (?:for|on)|press(?:es|ed|ing)? for|push(?:es|ed|ing)? for"
                            + "|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)? (?:\\w+ ){0,3}?(?:for|to)|expect(?:s|ed|ing)? (?:\\w+ ){0,3}?to"
                            + "|appeal(?:s|ed|ing)? (?:to|for)|no compromise on|unless"
                            // refusing to negotiate or give ground on something is insisting on it
                            + "|non-negotiable|not (?:subject to|up for) (?:negotiation|discussion|debate)"
                            + "|(?:unwilling|refus(?:es|ed|ing)?|not willing) to (?:compromise|budge|back down)"
                            // a condition: "can only be settled if", "relief only after a withdrawal"
                            + "|only (?:\\w+ ){0,3}?(?:if|after|once)"
                            // "any agreement would have to be guaranteed by third parties"
                            + "|ha(?:ve|s|d) to)\\b"
                            // a clause that opens with "provided" is a condition: ", provided the guarantees hold"
                            + "|^[,;:]?\\s*provided\\b|\\bprovided that\\b"
                            // a threat tied to a refusal is a demand: "tariffs if Putin won't agree a ceasefire"
                            + "|\\bif (?:\\w+ ){0,3}?(?:(?:won[’']t|will not|does not|doesn[’']t|did not|didn[’']t"
                            + "|refuses to|fails to) (?:\\w+ )?(?:agree|accept)\\w*|rejects?|refuses)"),
            Stance.PROPOSED, Pattern.compile(
                    // what a plan "would require" is what it proposes: "the US plan would require Kyiv to cede"
                    "\\b(?:plan|draft|proposal|framework|text)s?\\b[^,;:]{0,40}?\\bwould (?:require|oblige|see|have)\\b"
                            // a truce one side declares is offered to the other: "Putin announces Easter truce"
                            + "|\\b(?:announc|declar)\\w* (?:an? |the )?(?:[\\w-]+ ){0,3}?(?:truce|ceasefire|pause|moratorium)\\b"
                            + "|\\b(?:propos\\w*|offer\\w*|suggest\\w*|float(?:s|ed|ing)?|put(?:s|ting)? forward"
                            + "|plan(?:s|ned)? to|open to|ready (?:to|for)|willing to|prepared to|envisag\\w*"
                            + "|consider(?:s|ing)?|weigh(?:s|ing)?|should)\\b"
                            // "could" offers only with an actor's act; "a move could damage the euro" is analysis
                            + "|\\b(?:could|may|might) (?:\\w+ )?(?:accept|agree|live with|consider|offer|support|send"
                            + "|deploy|give|hand|join|provide|return|lift|ease|drop|scrap|unfreeze"
                            + "|be (?:a|an|among|part)\\b)"
                            // "if" is also how offers are made: "sanctions can come off if there is a deal"
                            // ("can only ... if" is a condition, left to the demands)
                            + "|\\b(?:can|could)\\b(?:(?!\\bonly\\b)[^,;:]){0,40}?\\bif\\b"
                            // not ruling a term out keeps it open: "refused to rule out", "did not reject"
                            + "|(?:\\bnot|\\bnever|n[’']t|\\brefus\\w* to|\\bdeclin\\w* to)\\s+(?:\\w+\\s+){0,2}?"
                            + "(?:reject\\w*|rul(?:e|es|ed|ing) out|exclud\\w*|oppos\\w*|veto\\w*)"),
            Stance.AGREED, Pattern.compile(
                    "\\b(?:agree(?:s|d)?|signed|signing|signs (?:a|an|the)|accept(?:s|ed|ing)?"
                            + "|approv(?:e|es|ed|ing)|reached (?:a |an )?(?:deal|agreement)|struck (?:a )?deal"
                            + "|implement\\w*|endorse(?:s|d)?|took effect|takes effect|came into force"
                            // carrying it out: "Britain to transfer 2.26 billion from frozen assets", "granted a
                            // waiver"
                            + "|transfer(?:s|red|ring)?|disburs\\w*|grant(?:s|ed|ing)?"
                            // a commitment given: "Washington assured Moscow", "26 countries pledged to", a licence
                            + "|assur(?:es|ed)|pledg(?:e|es|ed|ing) to|commit(?:s|ted)? to|authori[sz](?:e|es|ed|ing)"
                            + "|extend\\w* (?:an? |the )?(?:\\w+ )?(?:waiver|exemption|licen[cs]e)"
                            + "|issu\\w* (?:an? )?(?:\\w+ )?licen[cs]e)\\b"),
            // what the guide calls reported although a verb is there: denials of a report, violations,
            // expiry, court rulings, "was discussed"
            Stance.REPORTED, Pattern.compile(
                    "\\b(?:den(?:y|ies|ied|ial)|violat\\w*|breach\\w*|expir\\w*|uph(?:o|e)ld\\w*"
                            // disclaiming a demand: "Russia was not asking anyone to lift sanctions"
                            + "|(?:not|n[’']t|never) (?:ask|demand|seek|request)\\w*"
                            + "|ruled that|court ruling|ruling that|su(?:es|ed|ing)|lawsuit"
                            + "|(?:was|were|been|being|is|are) discussed"
                            // a text that leaves the term out, markets hoping for it: no actor's stance
                            + "|(?:not|n[’']t) (?:include|contain|mention|cover)\\w*|omit\\w*"
                            + "|hopes? of|on hopes|bets? on|speculation|prospects? of)\\b"))));

    private static final CueSet NOUNS = CueSet.of(new EnumMap<>(Map.of(
            Stance.DEMANDED, Pattern.compile(
                    "\\b(?:(?:pre)?conditions?|ultimatums?|wish ?list|red lines?|demands|asks|principles)\\b"
                            + "|(?<!\\bin )\\bterms\\b(?! of\\b)"
                            // an actor's position: "Moscow's position was unchanged: a neutral Ukraine"
                            + "|[’']s (?:\\w+ )?position\\b"),
            Stance.PROPOSED, Pattern.compile("\\b(?:plans?|frameworks?|drafts?)\\b"))));

    /** Where a clause ends and the next begins; a contrast ("but", "while") also stops a cue from carrying over. */
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile(
            "[,;:()\\[\\]—–]|\\s-\\s|\\b(?:but|while|whereas|although|though|however|yet)\\b"
                    // a reporting verb opens the clause it reports: "Zelensky said [Ukraine would not withdraw]"
                    + "|\\b(?:said|says|saying|told|tells|added|adding|stated|argued|arguing|warned|claimed|noted"
                    + "|stressed|showed|shows)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRAST = Pattern.compile(
            "(?:but|while|whereas|although|though|however|yet)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Words that leave a term unasserted when they stand a few words before it in its clause: a term that only
     * dates something else ("troops after a ceasefire", "once a truce is in place") is not what the clause's
     * verb acts on, and a hypothesis ("if sanctions are lifted", "were sanctions ever lifted") is not a
     * development. "Only if" and "only after" are conditions, and a threat tied to a refusal ("tariffs if
     * Putin won't agree a ceasefire") is a demand; both are left to the cues.
     */
    private static final Pattern UNASSERTING = Pattern.compile(
            "(?:\\b(?:after|once|until|before|following|during)\\W*\\s"
                    + "|^\\W*were\\s"
                    + "|\\b(?:if|whether)\\s(?!(?:\\S+\\s+){0,3}?(?:won[’']t|will not|does not|doesn[’']t|did not"
                    + "|didn[’']t|refuses to|fails to|rejects?|refuses)\\s))"
                    + "(?:\\S+\\s+){0,4}$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ONLY = Pattern.compile("\\bonly (?:\\w+ ){0,3}$", Pattern.CASE_INSENSITIVE);

    /**
     * Words that make a term the price of something when they stand a few words before it in its clause: what
     * comes after "unless", "in exchange for", "if Moscow agrees to" or "before Moscow agrees to" is what the
     * speaker asks for.
     */
    private static final Pattern CONDITION = Pattern.compile(
            "(?:\\bunless|\\bin (?:exchange|return) for|\\b(?:if|before|until)\\s(?:\\S+\\s+){1,3}?(?:agrees?|agreed"
                    + "|accepts?|accepted|signs?|commits?)(?:\\s+to)?)\\s+(?:\\S+\\s+){0,4}$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A refusal of membership ("NATO membership is unacceptable", "rules out membership", "Ukraine will never be
     * admitted"). For NATO non-enlargement and for neutrality such a refusal is the term itself, said the other way
     * round, not a refusal of the term: who says it decides what was done with the term.
     */
    private static final Pattern MEMBERSHIP_REFUSAL = Pattern.compile(
            "\\b(?:membership|accession|joining|admission)\\b[^.;:]{0,40}?\\b(?:unacceptable|off the table"
                    + "|not on the table|out of the question|a red line|not (?:going to )?happen\\w*|not realistic"
                    + "|not possible|impossible|ruled out)"
                    + "|\\b(?:rul(?:e|es|ed|ing) out|reject\\w*|oppos(?:e|es|ed|ing)|refus\\w* to accept)\\s+"
                    + "(?:(?:nato|ukraine[’']s|kyiv[’']s|its|the|any|future|eventual|full)\\s+){0,3}"
                    + "(?:membership|accession|admission)"
                    + "|(?:\\bwon[’']t|\\bwill not|\\bwould not|\\bshall not|\\bmust not|\\bcannot|\\bcan[’']t"
                    + "|\\bnever|\\bnot)\\s+(?:(?:ever|be|now|yet|soon)\\s+){0,2}"
                    + "(?:admit\\w*|join\\w*|be admitted|become (?:a )?members?)\\b");
    private static final Pattern OPEN_DOOR_KEPT = Pattern.compile(
            "\\bdoors?\\b[^.;:]{0,30}?\\b(?:stays?|staying|remains?|remaining|kept|keep|keeping) open\\b"
                    + "|\\bkeep\\w* (?:\\w+ ){0,2}?doors? open\\b|\\breaffirm\\w* (?:\\w+ ){0,2}?open[- ]door\\b");
    private static final Pattern NATO_AIM = Pattern.compile(
            "\\bnato (?:aspirations?|ambitions?|hopes?|aims?|goal|bid|path)\\b|\\beuro-atlantic (?:course|integration)\\b"
                    + "|\\b(?:aim|goal|hopes?|aspirations?|ambitions?) (?:of|to) join(?:ing)? (?:nato|the alliance)\\b");
    /** What, a few words before the aim, makes it the thing to be given up: "Russia demands Kyiv drop its NATO bid". */
    private static final Pattern GIVING_UP = Pattern.compile(
            "\\b(?:give|giving|gives) up|\\b(?:abandon|renounc|drop|forgo|forswear|shelv|trad|swap|freez|relinquish)\\w*"
                    + "(?:\\W+\\w+){0,4}\\W*$");
    private static final Pattern RUSSIAN_ACTOR = Pattern.compile(
            "\\b(?:russia|russian|russians|moscow|kremlin|putin|peskov|lavrov|ryabkov|zakharova|ushakov|medvedev"
                    + "|medinsky|nebenzia|dmitriev|grushko|duma)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Ukraine, Kyiv and NATO are left out: they are what a refusal of membership is about, not who refuses it. */
    private static final Pattern OTHER_ACTOR = Pattern.compile(
            "\\b(?:U\\.?S\\.?|(?i:united states|washington|trump|witkoff|rubio|kellogg|vance|white house"
                    + "|state department|rutte|stoltenberg|allies|europe\\w*|eu|brussels|berlin|paris|london|macron|merz"
                    + "|starmer|zelensk\\w*))\\b");

    /**
     * One clause of a sentence.
     *
     * @param contrasted whether it opens with a contrast, across which an earlier clause's cue does not carry
     */
    record Clause(int start, int end, boolean contrasted) {
    }

    private StanceCues() {
    }

    /** The first cue in the text; without {@code allowRejection}, refusals are skipped (they stay in their clause). */
    static Optional<Stance> firstCue(String text, boolean allowRejection) {
        return firstVerb(text, allowRejection).or(() -> firstNoun(text, allowRejection));
    }

    /**
     * The cue of a list's lead-in line. A lead-in that names demands or conditions makes its list demands whatever
     * was done with the list ("EU ministers agreed a set of principles:", "Moscow's asks:"), unless it refuses
     * them ("the conditions Kyiv will not accept:").
     */
    static Optional<Stance> leadInCue(String text) {
        var cue = firstCue(text, true);
        if (cue.isPresent() && cue.get() != Stance.REJECTED && firstNoun(text, false).orElse(null) == Stance.DEMANDED) {
            return Optional.of(Stance.DEMANDED);
        }
        return cue;
    }

    static Optional<Stance> firstVerb(String text, boolean allowRejection) {
        return firstVerb(text, allowRejection, null);
    }

    /**
     * @param membershipRefusal what a refusal of membership in the text reads as (see
     *                          {@link #membershipRefusalIn}), or null to read it like any refusal
     */
    static Optional<Stance> firstVerb(String text, boolean allowRejection, Stance membershipRefusal) {
        var lower = text.toLowerCase(Locale.ROOT);
        var verb = first(VERBS, lower, allowRejection);
        if (membershipRefusal == null) {
            return verb.map(Cue::stance);
        }
        var refusal = MEMBERSHIP_REFUSAL.matcher(lower);
        if (refusal.find() && (verb.isEmpty() || refusal.start() < verb.get().start()
                || (refusal.start() == verb.get().start() && refusal.end() > verb.get().end()))) {
            // with no one named to refuse it, the refusal says nothing: a list's lead-in or the story decides
            return membershipRefusal == Stance.REPORTED ? Optional.empty() : Optional.of(membershipRefusal);
        }
        var stance = verb.map(Cue::stance);
        // keeping the door open is refusing to close it: "NATO's door must stay open to Ukraine" rejects the
        // non-enlargement it names the opposite of; insisting on the NATO aim ("Ukraine's NATO aspirations are not
        // up for discussion") rejects neutrality, unless the aim is what someone wants given up
        if (stance.isPresent() && stance.get() != Stance.REJECTED && OPEN_DOOR_KEPT.matcher(lower).find()) {
            return Optional.of(Stance.REJECTED);
        }
        if (stance.isPresent() && stance.get() == Stance.DEMANDED) {
            var aim = NATO_AIM.matcher(lower);
            if (aim.find() && !GIVING_UP.matcher(lower.substring(0, aim.start())).find()) {
                return Optional.of(Stance.REJECTED);
            }
        }
        return stance;
    }

    static Optional<Stance> firstNoun(String text, boolean allowRejection) {
        return first(NOUNS, text.toLowerCase(Locale.ROOT), allowRejection).map(Cue::stance);
    }

    /**
     * What refusing membership amounts to when a sentence does it: Moscow refusing Ukraine's membership demands
     * non-enlargement; Washington or Zelensky ruling it out concedes it, an offer to Moscow; with no actor named
     * ({@link Stance#REPORTED}) the refusal is no cue at all. The first actor named is taken as the speaker ("Peskov said Ukraine's membership was
     * unacceptable"; "Witkoff said accession was not on the table and had told Moscow as much").
     */
    static Stance membershipRefusalIn(String sentence) {
        var russian = RUSSIAN_ACTOR.matcher(sentence);
        var other = OTHER_ACTOR.matcher(sentence);
        int russianAt = russian.find() ? russian.start() : Integer.MAX_VALUE;
        int otherAt = other.find() ? other.start() : Integer.MAX_VALUE;
        if (russianAt < otherAt) {
            return Stance.DEMANDED;
        }
        return otherAt < Integer.MAX_VALUE ? Stance.PROPOSED : Stance.REPORTED;
    }

    private record Cue(Stance stance, int start, int end) {
    }

    /**
     * The earliest cue, the longer of two at the same start, the first stance in enum order of equal ones.
     *
     * <p>One pass of all the stances' patterns together finds where the earliest cue starts; only there is each
     * stance's own pattern tried. Searching each pattern through the whole text, as reading them one by one
     * would, cost a fifth of classifying a story, mostly in scanning past the cue that had already won.
     */
    private static Optional<Cue> first(CueSet cues, String lower, boolean allowRejection) {
        int start = earliestStart((allowRejection ? cues.any() : cues.anyButRejection()).matcher(lower), lower);
        if (start < 0) {
            return Optional.empty();
        }
        Cue found = null;
        for (var entry : cues.byStance().entrySet()) {
            if (!allowRejection && entry.getKey() == Stance.REJECTED) {
                continue;
            }
            // transparent, non-anchoring bounds: "\\b", look-behinds and "^" see the whole text, so the pattern
            // matches at the start exactly as a search from the beginning of the text would
            Matcher matcher = entry.getValue().matcher(lower)
                    .region(start, lower.length())
                    .useTransparentBounds(true)
                    .useAnchoringBounds(false);
            if (matcher.lookingAt() && (found == null || matcher.end() > found.end())) {
                found = new Cue(entry.getKey(), start, matcher.end());
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Where the first match of a union of cues starts, or -1. Every cue starts with a word, the first letter of a
     * word ("\b" then a letter), except those that start at "n’t", at an apostrophe ("Moscow’s position") or a
     * quote, and "provided" at the start of the text. The regex engine would try each of the many alternatives
     * at every character, only to fail at their "\b" or first letter; here they are tried only where a cue can
     * start.
     */
    private static int earliestStart(Matcher union, String lower) {
        union.useTransparentBounds(true).useAnchoringBounds(false);
        int length = lower.length();
        for (int at = 0; at < length; at++) {
            if (mayStartCue(lower, at) && union.region(at, length).lookingAt()) {
                return at;
            }
        }
        return -1;
    }

    private static boolean mayStartCue(String lower, int at) {
        char c = lower.charAt(at);
        return at == 0 || c == 'n' || "’'‘\"“".indexOf(c) >= 0
                || (isWordChar(c) && !isWordChar(lower.charAt(at - 1)));
    }

    /**
     * A word character as "\b" sees it: without {@link Pattern#UNICODE_CHARACTER_CLASS}, only an ASCII letter, digit
     * or '_' ("réunless" holds "unless" at a boundary).
     */
    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** A stance's cue patterns, with their union (and that of all but the refusals) for the first pass. */
    private record CueSet(Map<Stance, Pattern> byStance, Pattern any, Pattern anyButRejection) {

        static CueSet of(Map<Stance, Pattern> byStance) {
            return new CueSet(byStance, union(byStance, true), union(byStance, false));
        }

        private static Pattern union(Map<Stance, Pattern> byStance, boolean withRejection) {
            return Pattern.compile(byStance.entrySet().stream()
                    .filter(entry -> withRejection || entry.getKey() != Stance.REJECTED)
                    .map(entry -> "(?:" + entry.getValue().pattern() + ")")
                    .collect(Collectors.joining("|")));
        }
    }

    /** Whether the text before a hit, within its clause, makes the term the price of something: a demand. */
    static boolean makesItACondition(String textBeforeHit) {
        return CONDITION.matcher(textBeforeHit).find();
    }

    /** Whether the text before a hit, within its clause, makes the term a point in time or a hypothesis. */
    static boolean leavesUnasserted(String textBeforeHit) {
        var unasserting = UNASSERTING.matcher(textBeforeHit);
        return unasserting.find() && !ONLY.matcher(textBeforeHit.substring(0, unasserting.start())).find();
    }

    /** The clauses of a sentence, in order, covering it from start to end. */
    static List<Clause> clauses(String sentence) {
        var clauses = new ArrayList<Clause>();
        var matcher = CLAUSE_BOUNDARY.matcher(sentence);
        int start = 0;
        boolean contrasted = false;
        while (matcher.find()) {
            if (matcher.start() > start) {
                clauses.add(new Clause(start, matcher.start(), contrasted));
                start = matcher.start();
                contrasted = false;
            }
            contrasted |= CONTRAST.matcher(matcher.group()).matches();
        }
        clauses.add(new Clause(start, sentence.length(), contrasted));
        return clauses;
    }
}
