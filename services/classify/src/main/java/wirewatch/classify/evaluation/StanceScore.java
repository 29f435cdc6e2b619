package wirewatch.classify.evaluation;

/** How many true positives with a labelled stance got that stance, for one category or overall. */
public record StanceScore(String category, int correct, int labelled) {

    public double accuracy() {
        return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }
}
