package wirewatch.classify.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import wirewatch.classify.classifier.Classification.RuleMatch;

/**
 * Renders an {@link Evaluation} for a terminal: the per-category table with micro and macro averages, then every
 * false positive, false negative, stance mismatch and rule failure by story id, and as the last line
 * {@code macro-F1: 0.NNN}, which scripts can read with {@code tail -1}. Everything is sorted, so two runs over the
 * same rules and corpus print the same text.
 */
public final class EvaluationReport {

    private static final int EVIDENCE_CHARS = 200;
    private static final int TITLE_CHARS = 100;
    private static final String[] NUMBER_HEADERS = {"TP", "FP", "FN", "precision", "recall", "F1", "support"};

    private EvaluationReport() {
    }

    public static String render(Evaluation evaluation) {
        var lines = new ArrayList<String>();
        lines.add("rules   " + evaluation.rulesOrigin() + " (" + evaluation.ruleCount() + " rules, "
                + evaluation.rulesVersion() + ")");
        lines.add("corpus  " + evaluation.corpusName() + " (" + evaluation.storyCount() + " stories, "
                + evaluation.negativeCount() + " without labels)");
        lines.add("");
        lines.addAll(table(evaluation));
        if (!evaluation.unscored().isEmpty()) {
            lines.add("not scored (no labels, no matches): " + String.join(", ", evaluation.unscored()));
        }
        lines.add("");
        lines.addAll(falsePositives(evaluation));
        lines.add("");
        lines.addAll(falseNegatives(evaluation));
        lines.add("");
        lines.addAll(stances(evaluation));
        if (!evaluation.ruleFailures().isEmpty()) {
            lines.add("");
            lines.add("Rule failures (" + evaluation.ruleFailures().size() + "): the story was still classified by "
                    + "the other rules");
            evaluation.ruleFailures().forEach(failure -> lines.add("  " + failure.storyId() + "  "
                    + failure.ruleId() + ": " + failure.message()));
        }
        lines.add("");
        lines.add("macro-F1: " + decimal(evaluation.macroF1()));
        return String.join("\n", lines) + "\n";
    }

    private static List<String> table(Evaluation evaluation) {
        var micro = evaluation.micro();
        var rows = new ArrayList<String[]>();
        rows.add(Stream.concat(Stream.of("category"), Stream.of(NUMBER_HEADERS)).toArray(String[]::new));
        for (CategoryScore score : evaluation.categories()) {
            rows.add(row(score));
        }
        rows.add(row(micro));
        rows.add(new String[] {"macro", "", "", "", decimal(evaluation.macroPrecision()),
            decimal(evaluation.macroRecall()), decimal(evaluation.macroF1()), ""});
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        var lines = new ArrayList<String>();
        for (String[] row : rows) {
            var line = new StringBuilder(pad(row[0], widths[0], false));
            for (int column = 1; column < row.length; column++) {
                line.append("  ").append(pad(row[column], widths[column], true));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static String[] row(CategoryScore score) {
        return new String[] {score.category(), Integer.toString(score.truePositives()),
            Integer.toString(score.falsePositives()), Integer.toString(score.falseNegatives()),
            decimal(score.precision()), decimal(score.recall()), decimal(score.f1()),
            Integer.toString(score.support())};
    }

    private static List<String> falsePositives(Evaluation evaluation) {
        var lines = new ArrayList<String>();
        lines.add("False positives (" + evaluation.falsePositives().size() + "): matched, not labelled");
        for (Evaluation.FalsePositive miss : evaluation.falsePositives()) {
            lines.add("  " + miss.storyId() + "  " + miss.category() + "  " + quote(miss.title(), TITLE_CHARS));
            for (RuleMatch match : miss.matches()) {
                lines.add("      " + match.ruleId() + ": " + evidence(match));
            }
        }
        return lines;
    }

    private static List<String> falseNegatives(Evaluation evaluation) {
        var lines = new ArrayList<String>();
        lines.add("False negatives (" + evaluation.falseNegatives().size() + "): labelled, no rule of the "
                + "category matched");
        for (Evaluation.FalseNegative miss : evaluation.falseNegatives()) {
            lines.add("  " + miss.storyId() + "  " + miss.category() + "  " + quote(miss.title(), TITLE_CHARS));
            lines.add("      " + (miss.matchedCategories().isEmpty() ? "the story matched no rule at all"
                    : "the story matched only " + String.join(", ", miss.matchedCategories())));
        }
        return lines;
    }

    private static List<String> stances(Evaluation evaluation) {
        var lines = new ArrayList<String>();
        var overall = evaluation.overallStance();
        if (overall.labelled() == 0) {
            lines.add("Stance: no true positive has a stance label");
            return lines;
        }
        lines.add("Stance accuracy over true positives with a stance label: " + fraction(overall));
        int width = evaluation.stances().stream().mapToInt(score -> score.category().length()).max().orElse(0);
        int counts = evaluation.stances().stream().mapToInt(score -> counts(score).length()).max().orElse(0);
        evaluation.stances().forEach(score -> lines.add("  " + pad(score.category(), width, false) + "  "
                + pad(counts(score), counts, true) + " = " + decimal(score.accuracy())));
        if (!evaluation.stanceMismatches().isEmpty()) {
            lines.add("Stance mismatches (" + evaluation.stanceMismatches().size() + ")");
            evaluation.stanceMismatches().forEach(mismatch -> lines.add("  " + mismatch.storyId() + "  "
                    + mismatch.category() + "  expected " + mismatch.expected() + ", got " + mismatch.match().stance()
                    + " from " + mismatch.match().ruleId() + ": " + evidence(mismatch.match())));
        }
        return lines;
    }

    private static String fraction(StanceScore score) {
        return counts(score) + " = " + decimal(score.accuracy());
    }

    private static String counts(StanceScore score) {
        return score.correct() + "/" + score.labelled();
    }

    private static String evidence(RuleMatch match) {
        return match.evidence().isEmpty() ? "(no evidence sentence)"
                : match.evidence().stream().limit(1).map(sentence -> quote(sentence, EVIDENCE_CHARS))
                        .collect(Collectors.joining());
    }

    /** Three decimals whatever the default locale; "-" for a ratio with nothing to divide by. */
    static String decimal(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text, int limit) {
        var oneLine = text.strip().replaceAll("\\s+", " ");
        return '"' + (oneLine.length() <= limit ? oneLine : oneLine.substring(0, limit - 3) + "...") + '"';
    }

    private static String pad(String text, int width, boolean right) {
        var padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}
