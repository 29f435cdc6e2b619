package wirewatch.ingest.feed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import wirewatch.ingest.feed.FeedServer;
import wirewatch.ingest.feed.FeedsProperties;
import wirewatch.ingest.feed.fetch.FetchResult.Failed;
import wirewatch.ingest.feed.fetch.FetchResult.Fetched;
import wirewatch.ingest.feed.fetch.FetchResult.NotModified;
import wirewatch.ingest.feed.fetch.FetchResult.RateLimited;

/** The fetcher against a real HTTP server that misbehaves in the ways feed servers do. */
class HttpFeedFetcherTests {

    private static final String RSS = "<rss version=\"2.0\"><channel><title>T</title></channel></rss>";
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final int MAX_BYTES = 64 * 1024;

    private final FeedServer server = new FeedServer();
    private final HttpFeedFetcher fetcher = new HttpFeedFetcher(properties(Duration.ofSeconds(2)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void returnsTheDocumentWithItsValidators() {
        server.on("/rss", FeedServer.ok("application/rss+xml; charset=utf-8", RSS.getBytes(StandardCharsets.UTF_8),
                "ETag", "\"v1\"", "Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT"));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), null, null));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(new String(fetched.document(), StandardCharsets.UTF_8)).isEqualTo(RSS);
            assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=utf-8");
            assertThat(fetched.etag()).isEqualTo("\"v1\"");
            assertThat(fetched.lastModified()).isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
            assertThat(fetched.location()).isEqualTo(server.url("/rss"));
            assertThat(fetched.movedTo()).isNull();
        });
        var request = server.requests("/rss").getFirst();
        assertThat(request.header("Accept-Encoding")).isEqualTo("gzip");
        assertThat(request.header("User-Agent")).isEqualTo("Wirewatch test");
        assertThat(request.header("If-None-Match")).isNull();
    }

    @Test
    void sendsTheValidatorsBackAndReportsNotModified() {
        server.on("/rss", FeedServer.status(304));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), "\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT"));

        assertThat(result).isEqualTo(new NotModified(null));
        var request = server.requests("/rss").getFirst();
        assertThat(request.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(request.header("If-Modified-Since")).isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
    }

    @Test
    void decodesAGzippedDocument() throws IOException {
        server.on("/rss", FeedServer.ok("application/rss+xml", gzip(RSS.getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip"));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), null, null));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched ->
                assertThat(new String(fetched.document(), StandardCharsets.UTF_8)).isEqualTo(RSS));
    }

    @Test
    void honoursRetryAfterInSecondsOn429() {
        server.on("/rss", FeedServer.status(429, "Retry-After", "120"));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), null, null));

        assertThat(result).isEqualTo(new RateLimited(429, Duration.ofMinutes(2), null));
    }

    @Test
    void honoursRetryAfterAsAnHttpDateOn503() {
        server.on("/rss", FeedServer.status(503, "Retry-After", "Tue, 24 Nov 2026 12:30:00 GMT"));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), null, null));

        assertThat(result).isEqualTo(new RateLimited(503, Duration.ofMinutes(30), null));
    }

    @Test
    void reportsAServerErrorByStatus() {
        server.on("/rss", FeedServer.status(500));

        var result = fetcher.fetch(new FetchRequest(server.url("/rss"), null, null));

        assertThat(result).isEqualTo(new Failed("HTTP 500 from " + server.url("/rss"), null));
    }

    @Test
    void givesUpOnAServerSlowerThanTheReadTimeout() {
        server.on("/slow", exchange -> {
            Thread.sleep(Duration.ofSeconds(10));
            exchange.sendResponseHeaders(200, -1);
        });
        var started = System.nanoTime();

        var result = fetcher.fetch(new FetchRequest(server.url("/slow"), null, null));

        assertThat(result).isEqualTo(new Failed("no complete response within 2000 ms", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void givesUpOnABodyThatTricklesPastTheReadTimeout() {
        server.on("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            for (var i = 0; i < 100; i++) {
                exchange.getResponseBody().write(' ');
                exchange.getResponseBody().flush();
                Thread.sleep(Duration.ofMillis(100));
            }
        });
        var started = System.nanoTime();

        var result = fetcher.fetch(new FetchRequest(server.url("/trickle"), null, null));

        assertThat(result).isEqualTo(new Failed("no complete response within 2000 ms", null));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void refusesADocumentDeclaredLargerThanTheLimit() {
        server.on("/huge", FeedServer.ok("application/rss+xml", new byte[MAX_BYTES + 1]));

        var result = fetcher.fetch(new FetchRequest(server.url("/huge"), null, null));

        assertThat(result).isEqualTo(new Failed("document of 65537 bytes (Content-Length) is larger than the limit of "
                + "65536 bytes", null));
    }

    @Test
    void abandonsAnUndeclaredBodyOnceItPassesTheLimit() {
        server.on("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            var chunk = new byte[8192];
            // Far more than the limit: the client must stop reading long before the end.
            for (var i = 0; i < 10_000; i++) {
                exchange.getResponseBody().write(chunk);
            }
        });

        var result = fetcher.fetch(new FetchRequest(server.url("/huge"), null, null));

        assertThat(result).isEqualTo(new Failed("document larger than the limit of 65536 bytes", null));
    }

    @Test
    void refusesAGzipBombOnItsDecodedSize() throws IOException {
        server.on("/bomb", FeedServer.ok("application/rss+xml", gzip(new byte[MAX_BYTES * 100]),
                "Content-Encoding", "gzip"));

        var result = fetcher.fetch(new FetchRequest(server.url("/bomb"), null, null));

        assertThat(result).isEqualTo(new Failed("document larger than 65536 bytes once gzip-decoded", null));
    }

    @Test
    void reportsTheNewLocationOfAPermanentRedirect() {
        server.on("/old", FeedServer.status(301, "Location", "/new"))
                .on("/new", FeedServer.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)));

        var result = fetcher.fetch(new FetchRequest(server.url("/old"), null, null));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.movedTo()).isEqualTo(server.url("/new"));
            assertThat(fetched.location()).isEqualTo(server.url("/new"));
        });
    }

    @Test
    void followsATemporaryRedirectWithoutMovingTheFeed() {
        server.on("/feed", FeedServer.status(302, "Location", "/today"))
                .on("/today", FeedServer.ok("application/rss+xml", RSS.getBytes(StandardCharsets.UTF_8)));

        var result = fetcher.fetch(new FetchRequest(server.url("/feed"), null, null));

        assertThat(result).isInstanceOfSatisfying(Fetched.class, fetched -> {
            assertThat(fetched.movedTo()).isNull();
            assertThat(fetched.location()).isEqualTo(server.url("/today"));
        });
    }

    @Test
    void movesOnlyAsFarAsTheRedirectsArePermanent() {
        server.on("/a", FeedServer.status(308, "Location", "/b"))
                .on("/b", FeedServer.status(307, "Location", "/c"))
                .on("/c", FeedServer.status(304));

        var result = fetcher.fetch(new FetchRequest(server.url("/a"), "\"v1\"", null));

        assertThat(result).isEqualTo(new NotModified(server.url("/b")));
    }

    @Test
    void stopsFollowingARedirectLoop() {
        server.on("/loop", FeedServer.status(302, "Location", "/loop"));

        var result = fetcher.fetch(new FetchRequest(server.url("/loop"), null, null));

        assertThat(result).isEqualTo(new Failed("more than 5 redirects, last to " + server.url("/loop"), null));
        assertThat(server.requests("/loop")).hasSize(6);
    }

    @Test
    void reportsARefusedConnection() {
        var closed = server.url("/rss");
        server.close();

        var result = fetcher.fetch(new FetchRequest(closed, null, null));

        assertThat(result).isEqualTo(new Failed("could not connect to 127.0.0.1:" + closed.getPort(), null));
    }

    private static FeedsProperties properties(Duration readTimeout) {
        return new FeedsProperties(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofHours(6),
                Duration.ofSeconds(1), readTimeout, DataSize.ofBytes(MAX_BYTES), 5, "Wirewatch test",
                Duration.ofSeconds(1), 8, 3, "ingest-feeds", Duration.ofSeconds(10));
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
