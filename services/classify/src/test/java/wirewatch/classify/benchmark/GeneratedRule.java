package wirewatch.classify.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import wirewatch.classify.rules.Location;
import wirewatch.classify.rules.Rule;

/**
 * One generated rule, written both ways: as a Wirewatch rule (Lucene query syntax) and as the regular
 * expressions a developer would write for the same thing.
 *
 * @param phrases the main query: any of these phrases, each with its slop
 * @param context actor names one of which the story must mention, or empty
 * @param exclude a word that vetoes the rule, or {@code null}
 */
record GeneratedRule(String id, String category, List<Phrase> phrases, List<String> context, String exclude) {

    record Phrase(List<String> words, int slop) {

        String lucene() {
            return '"' + String.join(" ", words) + "\"~" + slop;
        }

        /**
         * The words in order with up to {@code slop} other words between neighbours; each word as a stem
         * followed by any word characters, standing in for the analyzer's stemming ("ease" matches "easing").
         */
        String regex() {
            return words.stream()
                    .map(GeneratedRule::stem)
                    .collect(Collectors.joining("\\w*(?:\\W+\\w+){0," + slop + "}?\\W+", "\\b", "\\w*"));
        }
    }

    Rule toRule() {
        var location = new Location("generated.yaml", 1);
        var query = phrases.stream().map(Phrase::lucene).collect(Collectors.joining(" OR "));
        return new Rule(id, category, new Rule.Clause(query, location),
                context.isEmpty() ? null : new Rule.Clause(String.join(" OR ", context), location),
                exclude == null ? null : new Rule.Clause(exclude, location),
                1.0, List.of(), List.of(), location);
    }

    /** One pattern for the rule's query; context and exclusion are patterns too, checked only after a hit. */
    Pattern mainPattern() {
        return Pattern.compile(phrases.stream().map(Phrase::regex).collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE);
    }

    String contextRegex() {
        return context.isEmpty() ? null : context.stream()
                .map(word -> Pattern.quote(word.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|", "\\b(?:", ")\\b"));
    }

    String excludeRegex() {
        return exclude == null ? null : "\\b" + stem(exclude) + "\\w*";
    }

    private static String stem(String word) {
        var lower = word.toLowerCase(Locale.ROOT);
        var stem = lower.length() > 4 && (lower.endsWith("e") || lower.endsWith("s"))
                ? lower.substring(0, lower.length() - 1) : lower;
        return Pattern.quote(stem);
    }
}
