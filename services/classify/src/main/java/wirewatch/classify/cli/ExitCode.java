package wirewatch.classify.cli;

/** The process exit codes of the {@code rules} commands, so scripts and CI can tell a finding from a mistake. */
final class ExitCode {

    /** The rules are valid, or the evaluation ran (and met {@code --threshold} when given). */
    static final int OK = 0;
    /** {@code check} found problems in the rules, or {@code eval} scored below {@code --threshold}. */
    static final int FAILED = 1;
    /** The command could not run: wrong arguments, an unreadable file, a malformed corpus, an invalid rule set. */
    static final int CANNOT_RUN = 2;

    private ExitCode() {
    }
}
