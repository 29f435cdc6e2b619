package wirewatch.classify.rules;

/** Where something was written: a rule file and a 1-based line, printed the way editors and CI jump to it. */
public record Location(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
