package wirewatch.ingest.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@code application/problem+json} response the way Spring MVC's handlers would. */
@Component
public class ProblemResponder {

    private final JsonMapper json;

    ProblemResponder(JsonMapper json) {
        this.json = json;
    }

    public void respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // JSON is UTF-8 by definition (RFC 8259), which is what Jackson writes to a byte stream.
        json.writeValue(response.getOutputStream(), problem);
    }
}
