package wirewatch.ingest.feed.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wirewatch.ingest.feed.reader.FeedparserExpectation.Outcome;

/**
 * Runs the reader over every document of feedparser's real-world test suite (see
 * {@code shared/fixtures/feeds/README.md}). Every document must end in items or a
 * {@link FeedFormatException} within the time bound, and where its {@code Expect:} line speaks about the
 * title, link, id, dates or encoding, what the reader read must mostly agree; the floor sits just below
 * the share reached when it was set, so a regression fails the build.
 */
class FeedparserSweepTests {

    private static final Path FIXTURES = Path.of(System.getProperty("basedir", "."))
            .resolve("../../../shared/fixtures/feeds/feedparser").normalize();
    private static final int DOCUMENTS = 2_106;
    private static final long SECONDS_PER_DOCUMENT = 5;
    private static final double MATCH_FLOOR = 0.95;
    private static final Pattern EXPECT = Pattern.compile("(?m)^\\s*Expect:\\s*(.+?)\\s*$");
    private static final Pattern HEADER = Pattern.compile("(?m)^\\s*Header:\\s*([A-Za-z-]+)\\s*:\\s*(.*?)\\s*$");

    private static ExecutorService executor;
    private final FeedReader reader = new FeedDocumentReader();

    @BeforeAll
    static void startExecutor() {
        // A fresh daemon thread per document: one that hangs keeps its thread and cannot stall the next.
        executor = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "feedparser-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void readsEveryRealWorldDocumentOrSaysWhyNotAndAgreesWithFeedparser() throws Exception {
        assertThat(FIXTURES).as("feedparser fixtures beside the repository (../shared)").isDirectory();
        var documents = documents();
        var crashes = new ArrayList<String>();
        var hangs = new ArrayList<String>();
        var mismatches = new ArrayList<String>();
        var outcomes = new EnumMap<Outcome, Integer>(Outcome.class);
        var read = 0;
        var refusals = new ArrayList<String>();

        for (var document : documents) {
            var name = FIXTURES.relativize(document).toString();
            var bytes = Files.readAllBytes(document);
            var comment = new String(bytes, StandardCharsets.ISO_8859_1);
            var headers = headers(comment);
            var contentType = headers.get("content-type");
            var location = location(name, headers.get("content-location"));
            var future = executor.submit(() -> reader.read(bytes, contentType, location));
            ParsedFeed feed = null;
            try {
                feed = future.get(SECONDS_PER_DOCUMENT, TimeUnit.SECONDS);
                read++;
            } catch (TimeoutException e) {
                future.cancel(true);
                hangs.add(name);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof FeedFormatException refusal) {
                    assertThat(refusal.getMessage()).as("refusal message for " + name).isNotBlank();
                    refusals.add(name + ": " + refusal.getMessage());
                } else {
                    crashes.add(name + ": " + e.getCause());
                }
            }
            var expect = EXPECT.matcher(comment);
            var outcome = Outcome.UNINTERPRETED;
            if (expect.find()) {
                var expectation = FeedparserExpectation.parse(expect.group(1));
                if (expectation.isPresent()) {
                    var encoding = DocumentText.decode(bytes, contentType).charset();
                    outcome = expectation.get().check(Optional.ofNullable(feed), encoding);
                    if (outcome == Outcome.MISMATCHED) {
                        mismatches.add(name + ": " + expect.group(1) + "\n    read " + encoding + " " + feed);
                    }
                }
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }

        var matched = outcomes.getOrDefault(Outcome.MATCHED, 0);
        var interpreted = matched + outcomes.getOrDefault(Outcome.MISMATCHED, 0);
        var share = interpreted == 0 ? 0 : (double) matched / interpreted;
        System.out.printf("feedparser sweep: %d documents, %d read, %d refused with FeedFormatException, "
                        + "%d crashed, %d hung; expectations about title/link/id/dates/encoding: %d/%d matched "
                        + "(%.1f%%), %d expectations of other shapes not interpreted%n",
                documents.size(), read, refusals.size(), crashes.size(), hangs.size(), matched, interpreted,
                100 * share, outcomes.getOrDefault(Outcome.UNINTERPRETED, 0));
        Files.write(Path.of("target", "feedparser-sweep-mismatches.txt"), mismatches);
        Files.write(Path.of("target", "feedparser-sweep-refusals.txt"), refusals);

        assertThat(documents).hasSize(DOCUMENTS);
        assertThat(crashes).as("documents that threw something other than FeedFormatException").isEmpty();
        assertThat(hangs).as("documents not read within %d s", SECONDS_PER_DOCUMENT).isEmpty();
        assertThat(share).as("share of interpreted expectations matched").isGreaterThanOrEqualTo(MATCH_FLOOR);
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().equals("LICENSE"))
                    .sorted()
                    .toList();
        }
    }

    private static Map<String, String> headers(String comment) {
        var headers = new java.util.HashMap<String, String>();
        var matcher = HEADER.matcher(comment);
        while (matcher.find()) {
            headers.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        return headers;
    }

    /** Where feedparser's own test server serves the file, moved by a Content-Location header if any. */
    private static URI location(String name, String contentLocation) {
        var served = URI.create("http://127.0.0.1:8097/tests/" + name.replace('\\', '/'));
        if (contentLocation == null) {
            return served;
        }
        var moved = Links.absolute(contentLocation, served);
        return moved == null ? served : URI.create(moved);
    }
}
