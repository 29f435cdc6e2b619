package wirewatch.ingest.feed.registry;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Problem responses for the feed API, ahead of Boot's generic "Failed to read request". */
@RestControllerAdvice(assignableTypes = FeedController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FeedProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(FeedProblemAdvice.class);
    private static final String RETRY_AFTER = "5";

    @ExceptionHandler
    ProblemDetail invalidFeed(InvalidFeedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid feed");
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "detail", e.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(FeedNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No such feed");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        var detail = switch (e.getMostSpecificCause()) {
            case MismatchedInputException mismatch when !mismatch.getPath().isEmpty()
                    && mismatch.getPath().getLast().getPropertyName() != null ->
                    mismatch.getPath().getLast().getPropertyName() + " must be "
                            + (mismatch.getTargetType() == String.class ? "a string" : "a whole number");
            case StreamReadException malformed -> "request body is not valid JSON: " + malformed.getOriginalMessage();
            default -> "request body must be a JSON object such as {\"url\": \"https://example.com/rss\", "
                    + "\"name\": \"Example\", \"pollIntervalSeconds\": 300}";
        };
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable feed");
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> topicUnavailable(FeedTopicUnavailableException e) {
        log.warn("Answering 503: {}", e.getMessage(), e.getCause());
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "could not record the change on Kafka, nothing was changed; retry later (" + e.getMessage() + ")");
        problem.setTitle("Could not change the feed registry, retry");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .body(problem);
    }
}
