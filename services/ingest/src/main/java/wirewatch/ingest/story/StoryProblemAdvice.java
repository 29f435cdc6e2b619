package wirewatch.ingest.story;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns what can go wrong with a pushed story into problem responses a client can act on. Ordered before
 * Boot's generic problem handler, which would only say "Failed to read request".
 */
@RestControllerAdvice(assignableTypes = StoryController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoryProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoryProblemAdvice.class);
    // How long a client should wait before retrying after Kafka failed, in seconds.
    private static final String RETRY_AFTER = "5";
    // After a 503 for a saturated connection pool: a second is several hundred stories' worth of connections.
    private static final String BUSY_RETRY_AFTER = "1";

    private final StoryMetrics metrics;

    StoryProblemAdvice(StoryMetrics metrics) {
        this.metrics = metrics;
    }

    @ExceptionHandler
    ProblemDetail invalidStory(InvalidStoryException e) {
        metrics.rejected(StoryMetrics.API);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid story");
        problem.setProperty("errors", e.violations().stream()
                .map(v -> Map.of("field", v.field(), "detail", v.toString()))
                .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        metrics.rejected(StoryMetrics.API);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(e));
        problem.setTitle("Unreadable story");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException e) {
        log.warn("Answering 503: {}", e.getMessage(), e.getCause());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "could not publish the story, nothing was recorded; retry later (" + e.getMessage() + ")");
        problem.setTitle("Could not publish, retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .body(problem);
    }

    /**
     * No database connection within the pool's connection timeout: the pool is saturated (or the database is
     * away). Nothing was recorded or published, so the client can simply send the story again.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(CannotCreateTransactionException e) {
        log.warn("Answering 503: {}", e.getMostSpecificCause().getMessage());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "no database connection was free in time (ingest is at capacity or its database is unreachable); "
                        + "nothing was recorded, retry later");
        problem.setTitle("Busy, retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER)
                .body(problem);
    }

    private static String describe(HttpMessageNotReadableException e) {
        return switch (e.getMostSpecificCause()) {
            case JacksonException json -> describe(json, "request body");
            default -> e.getCause() == null
                    ? "request body is missing: send a JSON object with at least url and title"
                    : "request body could not be read: " + e.getMostSpecificCause().getMessage();
        };
    }

    /** What is wrong with a JSON story, {@code subject} being "request body" or "line 3". */
    static String describe(JacksonException e, String subject) {
        return switch (e) {
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty() ->
                    path(mismatch.getPath()) + " must be " + expected(mismatch.getTargetType());
            case MismatchedInputException mismatch -> subject + " must be a JSON object with at least url and title";
            case StreamReadException malformed -> subject + " is not valid JSON: " + malformed.getOriginalMessage()
                    + location(malformed);
            default -> subject + " could not be read: " + e.getOriginalMessage();
        };
    }

    private static String path(List<JacksonException.Reference> path) {
        return path.stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String expected(Class<?> type) {
        return type == String.class ? "a string" : "of type " + (type == null ? "?" : type.getSimpleName());
    }

    private static String location(StreamReadException e) {
        var location = e.getLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
