package wirewatch.ingest.feed.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import org.springframework.stereotype.Component;
import wirewatch.ingest.feed.FeedsProperties;
import wirewatch.ingest.feed.fetch.FetchResult.Failed;
import wirewatch.ingest.feed.fetch.FetchResult.Fetched;
import wirewatch.ingest.feed.fetch.FetchResult.NotModified;
import wirewatch.ingest.feed.fetch.FetchResult.RateLimited;

/**
 * {@link FeedFetcher} on the JDK's HTTP client. The whole fetch, every redirect hop and the body included,
 * must finish within the read timeout; the body is counted as it arrives and abandoned once it passes the
 * size cap, so neither a slow server nor a huge document costs more than one bounded poll.
 */
@Component
class HttpFeedFetcher implements FeedFetcher {

    private final HttpClient client;
    private final FeedsProperties properties;
    private final Clock clock;
    private final long maxBytes;

    HttpFeedFetcher(FeedsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.maxBytes = properties.maxResponseSize().toBytes();
        // Redirects are followed here, not by the client, to tell permanent moves from temporary ones.
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public FetchResult fetch(FetchRequest request) {
        var deadline = System.nanoTime() + properties.readTimeout().toNanos();
        var location = request.url();
        URI movedTo = null;
        var permanentSoFar = true;
        for (var hop = 0; hop <= properties.maxRedirects(); hop++) {
            HttpResponse<byte[]> response;
            try {
                response = send(location, request, deadline);
            } catch (FetchFailure failure) {
                return new Failed(failure.getMessage(), movedTo);
            }
            var status = response.statusCode();
            if (isRedirect(status)) {
                var target = response.headers().firstValue("Location").map(String::strip).orElse(null);
                if (target == null || target.isEmpty()) {
                    return new Failed("HTTP " + status + " redirect without a Location header from " + location,
                            movedTo);
                }
                try {
                    location = location.resolve(target);
                } catch (IllegalArgumentException e) {
                    return new Failed("HTTP " + status + " redirect to an invalid Location '" + target + "'", movedTo);
                }
                permanentSoFar &= status == 301 || status == 308;
                if (permanentSoFar) {
                    movedTo = location;
                }
                continue;
            }
            return switch (status) {
                case 200 -> fetched(response, location, movedTo);
                case 304 -> new NotModified(movedTo);
                case 429, 503 -> new RateLimited(status,
                        RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock.instant()),
                        movedTo);
                default -> new Failed("HTTP " + status + " from " + location, movedTo);
            };
        }
        return new Failed("more than " + properties.maxRedirects() + " redirects, last to " + location, movedTo);
    }

    private HttpResponse<byte[]> send(URI location, FetchRequest request, long deadline) throws FetchFailure {
        if (!"http".equalsIgnoreCase(location.getScheme()) && !"https".equalsIgnoreCase(location.getScheme())) {
            throw new FetchFailure("not an http(s) URL: " + location);
        }
        var remaining = Duration.ofNanos(deadline - System.nanoTime());
        if (remaining.isNegative() || remaining.isZero()) {
            throw new FetchFailure(timedOut());
        }
        var builder = HttpRequest.newBuilder(location)
                .timeout(remaining)
                .header("User-Agent", properties.userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .GET();
        if (request.etag() != null) {
            builder.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            builder.header("If-Modified-Since", request.lastModified());
        }
        var exchange = client.sendAsync(builder.build(), info -> info.statusCode() == 200
                ? new CappedBodySubscriber(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1))
                : HttpResponse.BodySubscribers.replacing(new byte[0]));
        try {
            // The client's own timeout covers only the wait for headers; this also bounds a trickling body.
            return exchange.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchFailure(timedOut());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted while fetching " + location);
        } catch (ExecutionException e) {
            throw new FetchFailure(describe(e.getCause(), location));
        }
    }

    private FetchResult fetched(HttpResponse<byte[]> response, URI location, URI movedTo) {
        var headers = response.headers();
        var encoding = headers.firstValue("Content-Encoding").map(e -> e.strip().toLowerCase(Locale.ROOT)).orElse("");
        byte[] document;
        try {
            document = switch (encoding) {
                case "", "identity" -> response.body();
                case "gzip", "x-gzip" -> gunzip(response.body());
                default -> throw new FetchFailure("unsupported Content-Encoding '" + encoding + "' from " + location);
            };
        } catch (FetchFailure failure) {
            return new Failed(failure.getMessage(), movedTo);
        }
        return new Fetched(document, headers.firstValue("Content-Type").orElse(null),
                headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                location, movedTo);
    }

    // The cap applies to the decoded size too: a few kilobytes of gzip can inflate to gigabytes.
    private byte[] gunzip(byte[] compressed) throws FetchFailure {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            var document = in.readNBytes(Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, maxBytes + 1)));
            if (document.length > maxBytes) {
                throw new FetchFailure("document larger than " + maxBytes + " bytes once gzip-decoded");
            }
            return document;
        } catch (IOException e) {
            throw new FetchFailure("gzip-encoded body could not be decoded: " + e.getMessage());
        }
    }

    private String timedOut() {
        return "no complete response within " + properties.readTimeout().toMillis() + " ms";
    }

    private String describe(Throwable cause, URI location) {
        return switch (cause) {
            case CappedBodySubscriber.TooLarge tooLarge -> tooLarge.getMessage();
            case HttpConnectTimeoutException timeout ->
                    "could not connect to " + location.getHost() + " within " + properties.connectTimeout().toMillis()
                            + " ms";
            case HttpTimeoutException timeout -> timedOut();
            case ConnectException refused -> "could not connect to " + location.getHost() + ":"
                    + (location.getPort() != -1 ? location.getPort() : "https".equalsIgnoreCase(location.getScheme()) ? 443 : 80);
            case IOException io -> "fetching " + location + " failed: " + io;
            default -> "fetching " + location + " failed: " + cause;
        };
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** A fetch that cannot go on; the message is the health record's text. */
    private static final class FetchFailure extends Exception {

        FetchFailure(String message) {
            super(message, null, false, false);
        }
    }
}
