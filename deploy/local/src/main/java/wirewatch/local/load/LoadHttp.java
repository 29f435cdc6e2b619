package wirewatch.local.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The harness's HTTP client: every call carries the API key, keeps its connection alive and is bounded in time.
 * It is Apache HttpClient's minimal classic client on the calling (virtual) thread rather than the JDK's
 * {@code HttpClient}, because the harness runs on the machine it measures and its CPU counts against the stack:
 * posting the same stories cost it about 40 % less CPU per request than the JDK's client (a 30 s run at 200/s, in
 * a JVM of its own, on this 2-core machine), whose asynchronous machinery hands every exchange across threads.
 */
final class LoadHttp implements AutoCloseable {

    /** The status and body of an answer; status 0 never occurs (a failed exchange throws). */
    record Answer(int status, String body) {
    }

    private final String authorization;
    private final RequestConfig timeouts;
    private final CloseableHttpClient http;

    /**
     * @param connections at most this many open at once per service: stories keep being posted on schedule while
     *                    earlier ones wait, so this bounds the requests in flight, like the service's own limit
     */
    LoadHttp(String apiKey, Duration requestTimeout, int connections) {
        this.authorization = "Bearer " + apiKey;
        this.timeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(requestTimeout))
                .setResponseTimeout(Timeout.of(requestTimeout))
                .build();
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.of(requestTimeout))
                        .build())
                .setMaxConnTotal(connections * 3)
                .setMaxConnPerRoute(connections)
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .build();
        // The minimal client: no retries (a retried story would be measured from its first due time anyway, and a
        // refused one must show as refused), no redirects, cookies or authentication schemes.
        this.http = HttpClients.createMinimal(pool);
    }

    Answer postJson(URI uri, String json) throws IOException {
        var request = new HttpPost(uri);
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        return execute(request);
    }

    Answer get(URI uri) throws IOException {
        return execute(new HttpGet(uri));
    }

    Answer delete(URI uri) throws IOException {
        return execute(new HttpDelete(uri));
    }

    private Answer execute(HttpUriRequestBase request) throws IOException {
        request.setConfig(timeouts);
        request.setHeader("Authorization", authorization);
        return http.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
