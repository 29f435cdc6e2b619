package wirewatch.ingest.story;

import java.util.List;
import java.util.stream.Collectors;

/** The request is not a story Wirewatch can take; each violation names its field. */
class InvalidStoryException extends RuntimeException {

    private final List<Violation> violations;

    InvalidStoryException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
        return violations;
    }

    /** One problem with one field; {@code message} completes a sentence that starts with the field name. */
    record Violation(String field, String message) {

        @Override
        public String toString() {
            return field + " " + message;
        }
    }
}
