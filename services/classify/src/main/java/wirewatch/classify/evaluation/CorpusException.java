package wirewatch.classify.evaluation;

/** A corpus line that cannot be read; the message names the file and line, and the run stops instead of skipping it. */
public class CorpusException extends RuntimeException {

    public CorpusException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
