package wirewatch.notify.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One webhook POST over pooled keep-alive connections, and nothing else an HTTP client could do: no redirects (one
 * could lead anywhere, internal hosts included; receivers give their final URL), no retries (the retry topics'
 * business, with back-off and a record of every attempt), no cookies, authentication or content compression. So
 * it is Apache HttpClient's minimal client, which skips the execution chain those features run through: that chain
 * and the client span per request took more CPU than the exchange itself. The request carries the story's trace in
 * {@code traceparent} (and its baggage) from the trace the attempt runs in, and is timed by
 * {@link WebhookRequestTimer}.
 */
final class WebhookHttp implements AutoCloseable {

    /** A fan-out sends to the same few thousand URLs again and again; bounds the memory if they keep changing. */
    private static final int REMEMBERED_TARGETS = 100_000;
    private static final String USER_AGENT = "Wirewatch-Webhooks/1.0";
    private static final ContentType JSON = ContentType.create("application/json");
    /**
     * Bodies up to this size leave in the same write, the same TCP segment, as the request's head. By default the
     * head is flushed on its own before any body, so every webhook cost two writes, each a trip through the
     * network stack on both ends (a sixth of notify's CPU went to those writes); an alert is well under this.
     */
    private static final int SENT_WITH_HEAD = 8192;

    record Answer(int status, String retryAfter) {
    }

    /** A URL parsed once, and the host to connect to (and name in {@code Host}). */
    private record Target(URI uri, HttpHost host) {

        static Target parse(String url) {
            var uri = URI.create(url);
            return new Target(uri, HttpHost.create(uri));
        }
    }

    private final CloseableHttpClient http;
    private final AttemptDeadlines deadlines;
    private final WebhookRequestTimer timer;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    WebhookHttp(WebhookProperties properties, GuardedDnsResolver dns, Tracer tracer, Propagator propagator,
                MeterRegistry registry) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setBufferSize(SENT_WITH_HEAD)
                                .setChunkSizeHint(SENT_WITH_HEAD)
                                .build())
                        .build())
                .setDnsResolver(dns)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        // Each wait for bytes of the answer; AttemptDeadlines bounds the whole attempt.
                        .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                        // A kept-alive connection the receiver closed meanwhile is noticed before a request is lost
                        // on it; a connection in steady use is never checked.
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                // Kept alive and reused: a fan-out to many webhooks on one host (one route) reuses warm connections.
                .setMaxConnTotal(properties.maxConnections())
                .setMaxConnPerRoute(properties.maxConnectionsPerHost())
                // Per-route locking instead of one pool-wide lock for every lease and release.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .build();
        this.http = HttpClients.createMinimal(connections);
        this.deadlines = new AttemptDeadlines(properties.requestTimeout());
        this.timer = new WebhookRequestTimer(registry);
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * POSTs {@code body} as JSON; a receiver that has not answered within the request timeout, whether silent or
     * trickling, ends in a {@link SocketTimeoutException}.
     *
     * <p>A webhook whose connection the receiver closes without answering is sent once more, at once, on another
     * connection: that is how a kept-alive connection ends when the receiver's idle timeout closes it just as a
     * request goes out on it (the check of connections idle for a second narrows that race but cannot close it). Left
     * to the first retry, such a webhook came 30 s late (1 of 78,000 at 200 stories/s on the local stack); a receiver
     * that did read the first request knows the second for the same webhook by its {@code webhook-id}. Each of the
     * two has the whole request timeout.
     */
    Answer post(String url, List<? extends Header> headers, byte[] body) throws IOException {
        try {
            return postOnce(url, headers, body);
        } catch (NoHttpResponseException closedWithoutAnswer) {
            return postOnce(url, headers, body);
        }
    }

    private Answer postOnce(String url, List<? extends Header> headers, byte[] body) throws IOException {
        var target = target(url);
        var request = new HttpPost(target.uri());
        headers.forEach(request::setHeader);
        request.setHeader("User-Agent", USER_AGENT);
        var trace = tracer.currentTraceContext().context();
        if (trace != null) {
            propagator.inject(trace, request, (carrier, name, value) -> carrier.setHeader(name, value));
        }
        // JSON is UTF-8 by definition (RFC 8259), so the content type names no charset.
        request.setEntity(new ByteArrayEntity(body, JSON));
        long started = System.nanoTime();
        var attempt = deadlines.start(request);
        try {
            var answer = http.execute(target.host(), request, response -> new Answer(response.getCode(),
                    response.getFirstHeader("Retry-After") == null ? null
                            : response.getFirstHeader("Retry-After").getValue()));
            timer.answered(started, answer.status());
            return answer;
        } catch (IOException e) {
            timer.failed(started, e);
            if (!attempt.end()) {
                var timeout = new SocketTimeoutException("the attempt's deadline passed");
                timeout.initCause(e);
                throw timeout;
            }
            throw e;
        } finally {
            attempt.end();
        }
    }

    private Target target(String url) {
        var target = targets.get(url);
        if (target == null) {
            if (targets.size() >= REMEMBERED_TARGETS) {
                targets.clear();
            }
            target = Target.parse(url);
            targets.put(url, target);
        }
        return target;
    }

    @Override
    public void close() throws IOException {
        deadlines.close();
        http.close();
    }
}
