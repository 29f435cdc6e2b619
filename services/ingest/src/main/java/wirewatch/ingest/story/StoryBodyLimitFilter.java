package wirewatch.ingest.story;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import wirewatch.ingest.web.ProblemResponder;

/**
 * Refuses story bodies over {@code wirewatch.ingest.stories.max-request-size}, judged on the bytes
 * actually received (a client may omit Content-Length or send more than it declared), before anything
 * parses them. The accepted body is handed on from memory, which is bounded by the same limit. An NDJSON
 * batch is judged against {@code max-batch-size} instead.
 */
@Component
@Order(StoryBodyLimitFilter.ORDER)
class StoryBodyLimitFilter extends OncePerRequestFilter {

    // After the API key check, so unauthenticated clients cannot make the service read a body at all.
    static final int ORDER = 10;
    private static final String PATH = "/api/stories";

    private final long maxStoryBytes;
    private final long maxBatchBytes;
    private final ProblemResponder problems;
    private final StoryMetrics metrics;

    StoryBodyLimitFilter(StoriesProperties properties, ProblemResponder problems, StoryMetrics metrics) {
        this.maxStoryBytes = properties.maxRequestSize().toBytes();
        this.maxBatchBytes = properties.maxBatchSize().toBytes();
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var batch = StoryBatch.isBatch(request.getContentType());
        var maxBytes = batch ? maxBatchBytes : maxStoryBytes;
        if (request.getContentLengthLong() > maxBytes) {
            reject(request, response, request.getContentLengthLong(), maxBytes, batch);
            return;
        }
        var body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
        if (body.length > maxBytes) {
            reject(request, response, -1, maxBytes, batch);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, long declaredBytes, long maxBytes,
            boolean batch) throws IOException {
        metrics.rejected(StoryMetrics.API);
        var size = declaredBytes >= 0 ? "is " + declaredBytes + " bytes" : "has more than " + maxBytes + " bytes";
        problems.respond(request, response, HttpStatus.BAD_REQUEST, "request body " + size + ", the limit is "
                + maxBytes + " bytes: " + (batch
                        ? "split the batch into smaller ones"
                        : "shorten the story body (a summary is enough)"));
    }

    private static final class BufferedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory; read it directly");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
