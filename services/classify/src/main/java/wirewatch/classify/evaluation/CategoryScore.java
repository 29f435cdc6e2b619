package wirewatch.classify.evaluation;

/**
 * The confusion counts of one category over a corpus, counted per story: a story labelled with the category and
 * matched by any of its rules is a true positive, matched but not labelled a false positive, labelled but not
 * matched a false negative.
 */
public record CategoryScore(String category, int truePositives, int falsePositives, int falseNegatives) {

    /** The stories labelled with the category. */
    public int support() {
        return truePositives + falseNegatives;
    }

    /** TP / (TP + FP); NaN when the rules never predicted the category. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN); NaN when no story is labelled with the category. */
    public double recall() {
        return ratio(truePositives, support());
    }

    /**
     * 2·TP / (2·TP + FP + FN): the harmonic mean of precision and recall where both are defined, and 0 when
     * either is undefined or zero, so a category with support but no predictions, or predictions but no
     * support, scores 0. NaN only when there is nothing to score (no support and no predictions).
     */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** Whether the category counts towards the macro average: it was labelled or predicted at least once. */
    public boolean scored() {
        return truePositives + falsePositives + falseNegatives > 0;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
