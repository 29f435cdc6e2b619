package wirewatch.classify.rules;

/** One reason a rule set cannot be used, tied to the line a reviewer has to fix. */
public record RuleProblem(Location location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
