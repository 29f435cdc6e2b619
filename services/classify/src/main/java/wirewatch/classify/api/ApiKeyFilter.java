package wirewatch.classify.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Lets a request through to {@code /api/**} only with {@code Authorization: Bearer <wirewatch.api.key>}. */
class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] key;
    private final JsonMapper json;

    ApiKeyFilter(ApiProperties properties, JsonMapper json) {
        this.key = properties.key().getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        var presented = header != null && header.startsWith(BEARER)
                ? header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8)
                : null;
        if (presented != null && MessageDigest.isEqual(key, presented)) {
            chain.doFilter(request, response);
            return;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, header == null
                ? "Missing Authorization header: send 'Authorization: Bearer <api key>'"
                : "Wrong API key in the Authorization header: send 'Authorization: Bearer <api key>'");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
