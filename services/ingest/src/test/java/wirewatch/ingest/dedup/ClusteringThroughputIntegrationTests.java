package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.TestDatabases;

/**
 * The cost of the clustering step (sketching plus the store's queries and inserts, one connection, one
 * thread) with many stories already in the window. The window holds {@value #IN_WINDOW} stories by default;
 * {@code -Dwirewatch.clusters.in-window=20000} measures a fuller one. Stories are random text drawn from a
 * 3,000-word vocabulary, a third of the measured ones copies (cut and retitled) of stories in the window.
 */
class ClusteringThroughputIntegrationTests {

    private static final int IN_WINDOW = 1_000;
    private static final int MEASURED = 200;
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void clustersHundredsOfStoriesPerSecondWithAFullWindowAndStillFindsCopies() {
        var inWindow = Integer.getInteger("wirewatch.clusters.in-window", IN_WINDOW);
        var random = new Random(7);
        var vocabulary = IntStream.range(0, 3_000).mapToObj(i -> word(random)).toList();
        var store = store();
        var transaction = store.transaction();

        // Arrivals spread over 60 hours, so every story stays inside the 72-hour window.
        var step = Duration.ofHours(60).dividedBy(inWindow + 2L * MEASURED);
        var bodies = new ArrayList<String>();
        var at = START;
        for (var i = 0; i < inWindow; i++) {
            bodies.add(body(random, vocabulary));
            register(store, transaction, "w" + i, bodies.get(i), at = at.plus(step));
        }

        var started = System.nanoTime();
        var copiesFound = 0;
        var copies = 0;
        for (var i = 0; i < MEASURED; i++) {
            var copyOf = i % 3 == 0 ? random.nextInt(inWindow) : -1;
            var body = copyOf < 0 ? body(random, vocabulary) : cut(bodies.get(copyOf));
            var cluster = register(store, transaction, "m" + i, body, at = at.plus(step));
            if (copyOf >= 0) {
                copies++;
                if (cluster.equals("w" + copyOf)) {
                    copiesFound++;
                }
            }
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        var perSecond = MEASURED / seconds;
        var sketchStarted = System.nanoTime();
        bodies.subList(0, MEASURED).forEach(TextSketch::of);
        var sketchMillis = (System.nanoTime() - sketchStarted) / 1e6 / MEASURED;
        // The same transaction for a story without body: recording it, no clustering.
        var baselineStarted = System.nanoTime();
        for (var i = 0; i < MEASURED; i++) {
            register(store, transaction, "b" + i, "", at = at.plus(step));
        }
        var baselineMillis = (System.nanoTime() - baselineStarted) / 1e6 / MEASURED;
        System.out.printf("clustering throughput: %.0f stories/s (%.1f ms each, of which %.2f ms sketching; "
                        + "recording a story without clustering takes %.1f ms) with %d stories in the window; "
                        + "%d of %d copies found%n",
                perSecond, 1000 * seconds / MEASURED, sketchMillis, baselineMillis, inWindow, copiesFound, copies);

        assertThat(copiesFound).isEqualTo(copies);
        // Far below what it reaches alone; the bound only catches a step that has become per-window work.
        assertThat(perSecond).isGreaterThan(20);
    }

    private record Store(SeenStories seenStories, DataSourceTransactionManager transactions) {

        TransactionTemplate transaction() {
            return new TransactionTemplate(transactions);
        }
    }

    private static Store store() {
        var dataSource = new SingleConnectionDataSource(TestDatabases.newDatabase(), "postgres", "postgres", true);
        Flyway.configure().dataSource(dataSource).load().migrate();
        var transactionManager = new DataSourceTransactionManager(dataSource);
        var proxy = new ProxyFactory(new JdbcSeenStories(JdbcClient.create(dataSource),
                ClusteringQualityIntegrationTests.shippedProperties()));
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        return new Store((SeenStories) proxy.getProxy(), transactionManager);
    }

    private static String register(Store store, TransactionTemplate transaction, String id, String body, Instant at) {
        var sketch = TextSketch.of(body);
        return transaction.execute(status ->
                store.seenStories().register(id, "https://example.com/" + id, sketch, at)).clusterId();
    }

    /** Six paragraphs of two sentences of 10 to 20 words. */
    private static String body(Random random, List<String> vocabulary) {
        return IntStream.range(0, 6)
                .mapToObj(p -> IntStream.range(0, 2)
                        .mapToObj(s -> IntStream.range(0, 10 + random.nextInt(11))
                                .mapToObj(w -> vocabulary.get(random.nextInt(vocabulary.size())))
                                .collect(Collectors.joining(" ")) + ".")
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
    }

    /** The first four paragraphs under a dateline, as a partner trims a story. */
    private static String cut(String body) {
        return "CITY (Agency) - " + body.lines().limit(4).collect(Collectors.joining("\n"));
    }

    private static String word(Random random) {
        var letters = new char[3 + random.nextInt(7)];
        for (var i = 0; i < letters.length; i++) {
            letters[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(letters);
    }
}
