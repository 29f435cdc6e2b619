package wirewatch.ingest.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import wirewatch.ingest.web.ProblemResponder;

/** Lets an {@code /api/**} request through only with the configured bearer key. */
@Component
@Order(ApiKeyFilter.ORDER)
class ApiKeyFilter extends OncePerRequestFilter {

    // After Boot's tracing filter (so refused calls are traced too), before anything reads the body.
    static final int ORDER = 0;
    private static final String BEARER = "Bearer ";

    private final byte[] expectedDigest;
    private final ProblemResponder problems;

    ApiKeyFilter(ApiProperties properties, ProblemResponder problems) {
        this.expectedDigest = sha256(properties.key());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(request, response, "missing bearer key: send the header 'Authorization: Bearer <api key>'");
        } else if (!matches(authorization.substring(BEARER.length()).strip())) {
            refuse(request, response, "the bearer key in the Authorization header is not the configured API key");
        } else {
            chain.doFilter(request, response);
        }
    }

    // Comparing digests keeps the comparison constant-time even when the lengths differ.
    private boolean matches(String presented) {
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        problems.respond(request, response, HttpStatus.UNAUTHORIZED, detail);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
