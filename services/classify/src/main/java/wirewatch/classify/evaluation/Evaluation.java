package wirewatch.classify.evaluation;

import java.util.Comparator;
import java.util.List;
import wirewatch.classify.classifier.Classification.RuleMatch;
import wirewatch.events.Stance;

/**
 * The outcome of classifying a labelled corpus with one rule set.
 *
 * @param categories    the scored categories (labelled or predicted at least once), alphabetically
 * @param unscored      categories of the rule set that no story is labelled with and no rule predicted; they
 *                      are left out of every average because there is nothing to measure
 * @param stances       stance accuracy per category that has at least one true positive with a labelled stance
 * @param ruleFailures  rules that threw on a story; the story was still classified by the other rules
 */
public record Evaluation(
        String rulesOrigin,
        String rulesVersion,
        int ruleCount,
        String corpusName,
        int storyCount,
        int negativeCount,
        List<CategoryScore> categories,
        List<String> unscored,
        List<FalsePositive> falsePositives,
        List<FalseNegative> falseNegatives,
        List<StanceScore> stances,
        List<StanceMismatch> stanceMismatches,
        List<RuleFailure> ruleFailures) {

    public Evaluation {
        categories = categories.stream().sorted(Comparator.comparing(CategoryScore::category)).toList();
        unscored = unscored.stream().sorted().toList();
        falsePositives = List.copyOf(falsePositives);
        falseNegatives = List.copyOf(falseNegatives);
        stances = List.copyOf(stances);
        stanceMismatches = List.copyOf(stanceMismatches);
        ruleFailures = List.copyOf(ruleFailures);
    }

    /** A category matched on a story not labelled with it, with the rules of that category that fired. */
    public record FalsePositive(String storyId, String category, String title, List<RuleMatch> matches) {

        public FalsePositive {
            matches = List.copyOf(matches);
        }
    }

    /** A labelled category no rule matched, with what the story was matched as instead (maybe nothing). */
    public record FalseNegative(String storyId, String category, String title, List<String> matchedCategories) {

        public FalseNegative {
            matchedCategories = List.copyOf(matchedCategories);
        }
    }

    /** A true positive whose stance differs from the label; {@code match} is the match whose stance counted. */
    public record StanceMismatch(String storyId, String category, Stance expected, RuleMatch match) {
    }

    public record RuleFailure(String storyId, String ruleId, String message) {
    }

    /** The counts summed over all scored categories, scored like one category. */
    public CategoryScore micro() {
        return new CategoryScore("micro",
                categories.stream().mapToInt(CategoryScore::truePositives).sum(),
                categories.stream().mapToInt(CategoryScore::falsePositives).sum(),
                categories.stream().mapToInt(CategoryScore::falseNegatives).sum());
    }

    /**
     * The unweighted mean of the per-category F1 over the scored categories, so a rare category weighs as much as
     * a common one. Every scored category has a defined F1 (see {@link CategoryScore#f1()}).
     */
    public double macroF1() {
        return categories.stream().mapToDouble(CategoryScore::f1).average().orElse(Double.NaN);
    }

    /** The mean precision over the scored categories, an undefined precision (no predictions) counting as 0. */
    public double macroPrecision() {
        return categories.stream().mapToDouble(score -> zeroIfUndefined(score.precision())).average()
                .orElse(Double.NaN);
    }

    /** The mean recall over the scored categories, an undefined recall (no support) counting as 0. */
    public double macroRecall() {
        return categories.stream().mapToDouble(score -> zeroIfUndefined(score.recall())).average()
                .orElse(Double.NaN);
    }

    /** Stance accuracy over every true positive that has a labelled stance. */
    public StanceScore overallStance() {
        return new StanceScore("overall", stances.stream().mapToInt(StanceScore::correct).sum(),
                stances.stream().mapToInt(StanceScore::labelled).sum());
    }

    private static double zeroIfUndefined(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
