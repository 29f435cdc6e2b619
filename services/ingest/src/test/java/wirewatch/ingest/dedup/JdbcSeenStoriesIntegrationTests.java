package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.TestDatabases;
import wirewatch.ingest.dedup.SeenStories.Registration;

/** The store against a real PostgreSQL with the real migrations, without the rest of the service. */
class JdbcSeenStoriesIntegrationTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final ClustersProperties PROPERTIES = new ClustersProperties(Duration.ofHours(72), 0.5, 8, 20, 10, 2);
    private static final String TALKS = """
            Negotiators from both sides met in Geneva on Monday for a third round of talks on a ceasefire.
            The delegations discussed prisoner exchanges and the withdrawal of heavy weapons from the front.
            A spokesman said the talks were constructive but that no agreement had been reached so far.
            Further meetings are planned for next week, according to officials familiar with the schedule.""";
    private static final String HARVEST = """
            Farmers in the southern region expect the largest wheat harvest in a decade after a wet spring.
            Grain prices fell sharply on the news, and exporters are preparing for record shipments abroad.
            The agriculture ministry raised its forecast for the third time this year on Tuesday.""";
    private DriverManagerDataSource dataSource;
    private DataSourceTransactionManager transactionManager;
    private TransactionTemplate transaction;

    /** A database of its own per test, since stories of one test would be candidate copies in another. */
    @BeforeEach
    void migrate() {
        useNewDatabase(null);
    }

    /** Points the test at a new database, migrated up to {@code version}, or all the way when it is null. */
    private void useNewDatabase(String version) {
        dataSource = new DriverManagerDataSource(TestDatabases.newDatabase(), "postgres", "postgres");
        var flyway = Flyway.configure().dataSource(dataSource);
        (version == null ? flyway : flyway.target(version)).load().migrate();
        transactionManager = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * A fresh instance, as after a restart, so everything it knows must come from the database; proxied
     * like Spring would, so its {@code MANDATORY} transaction rule applies.
     */
    private SeenStories store() {
        var proxy = new ProxyFactory(new JdbcSeenStories(JdbcClient.create(dataSource), PROPERTIES));
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        return (SeenStories) proxy.getProxy();
    }

    private Registration register(SeenStories store, String id, String body) {
        return register(store, id, body, NOW);
    }

    private Registration register(SeenStories store, String id, String body, Instant at) {
        return transaction.execute(status -> store.register(id, "https://example.com/" + id, TextSketch.of(body), at));
    }

    @Test
    void leavesTheShinglesOutOfTheTablesStatistics() {
        var target = JdbcClient.create(dataSource)
                .sql("select attstattarget from pg_attribute where attrelid = 'story_sketch'::regclass and attname = ?")
                .param("shingles")
                .query(Integer.class)
                .single();

        assertThat(target).isZero();
    }

    @Test
    void remembersAStoryAcrossRestarts() {
        var first = register(store(), "a1", TALKS);
        var afterRestart = register(store(), "a1", HARVEST);

        assertThat(first).isEqualTo(new Registration.New("a1"));
        assertThat(afterRestart).isEqualTo(new Registration.Seen("a1", "a1"));
    }

    @Test
    void putsANearDuplicateIntoTheFirstStorysClusterAndADifferentStoryIntoItsOwn() {
        register(store(), "b1", TALKS);
        var reordered = String.join("\n", TALKS.lines().toList().reversed());
        var cut = TALKS.lines().limit(2).collect(Collectors.joining("\n"));

        assertThat(register(store(), "b2", reordered)).isEqualTo(new Registration.New("b1"));
        assertThat(register(store(), "b3", "GENEVA (Wire) - " + cut)).isEqualTo(new Registration.New("b1"));
        assertThat(register(store(), "b2", HARVEST)).isEqualTo(new Registration.Seen("b2", "b1"));
        assertThat(register(store(), "b4", HARVEST)).isEqualTo(new Registration.New("b4"));
    }

    @Test
    void startsANewClusterOnceTheFirstCopyHasLeftTheWindow() {
        register(store(), "w1", TALKS, NOW.minus(Duration.ofHours(73)));
        register(store(), "w2", TALKS, NOW.minus(Duration.ofHours(71)));

        assertThat(register(store(), "w3", TALKS, NOW)).isEqualTo(new Registration.New("w1"));
        assertThat(register(store(), "w4", TALKS, NOW.plus(Duration.ofHours(2)))).isEqualTo(new Registration.New("w1"));
    }

    @Test
    void givesAStoryWithoutBodyItsOwnCluster() {
        assertThat(register(store(), "e1", "")).isEqualTo(new Registration.New("e1"));
        assertThat(register(store(), "e2", "")).isEqualTo(new Registration.New("e2"));
    }

    @Test
    void forgetsEverythingWhenTheTransactionRollsBack() {
        var body = HARVEST.replace("wheat", "barley");
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            store().register("c1", "https://example.com/c1", TextSketch.of(body), NOW);
            throw new IllegalStateException("publishing failed");
        })).hasMessage("publishing failed");

        assertThat(register(store(), "c2", body)).isEqualTo(new Registration.New("c2"));
        assertThat(register(store(), "c1", body)).isEqualTo(new Registration.New("c2"));
    }

    @Test
    void recordsAStoryOnceWhenRegisteredConcurrently() throws Exception {
        var store = store();
        var start = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(6)) {
            var registrations = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return register(store, "d1", TALKS);
                    }, executor))
                    .toList();
            start.countDown();

            var results = registrations.stream().map(CompletableFuture::join).toList();
            assertThat(results).filteredOn(Registration.New.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Registration.Seen.class::isInstance).hasSize(5);
        }
    }

    @Test
    void putsCopiesArrivingConcurrentlyIntoOneCluster() throws Exception {
        var store = store();
        var start = new CountDownLatch(1);
        var body = TALKS.replace("Geneva", "Vienna");
        try (var executor = Executors.newFixedThreadPool(4)) {
            var registrations = IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return register(store, "f" + i, i % 2 == 0 ? body : "VIENNA (Wire) - " + body);
                    }, executor))
                    .toList();
            start.countDown();

            var clusters = registrations.stream().map(CompletableFuture::join).map(Registration::clusterId).toList();
            assertThat(clusters).containsOnly(clusters.getFirst());
            assertThat(clusters.getFirst()).isIn("f0", "f1", "f2", "f3");
        }
    }

    @Test
    void deletesSketchesThatLeftTheWindowButRemembersTheirStories() {
        register(store(), "r1", "An old story about a bridge that was opened in the capital with some ceremony.",
                NOW.minus(Duration.ofDays(10)));
        var retention = new SketchRetention(JdbcClient.create(dataSource), PROPERTIES);

        register(store(), "r2", "A new story about a harbour that was closed in the north after a long storm.",
                NOW.minus(Duration.ofDays(1)));
        var jdbc = JdbcClient.create(dataSource);
        var oldNumber = storyNumber(jdbc, "r1");
        var newNumber = storyNumber(jdbc, "r2");

        assertThat(retention.deleteSketchesBefore(NOW.minus(Duration.ofDays(9)))).isEqualTo(1);
        assertThat(register(store(), "r1", "anything")).isEqualTo(new Registration.Seen("r1", "r1"));
        // The old story's band keys went with its sketch; the newer story keeps all 48 of its own.
        assertThat(bandKeys(jdbc, oldNumber)).isZero();
        assertThat(bandKeys(jdbc, newNumber)).isEqualTo(48);
    }

    @Test
    void keepsTheBandRowsOfASketchInTheWindowNumberedBelowDeletedOnes() {
        // Numbered in another order than their times, as concurrent requests can be: the sketch that stays has a
        // number between those of the two that leave.
        register(store(), "t1", HARVEST, NOW.minus(Duration.ofDays(10)));
        register(store(), "t2", TALKS, NOW.minus(Duration.ofDays(1)));
        register(store(), "t3", "A story about a bridge that was opened in the capital with some ceremony on Sunday.",
                NOW.minus(Duration.ofDays(11)));
        var jdbc = JdbcClient.create(dataSource);
        var retention = new SketchRetention(jdbc, PROPERTIES);
        var first = storyNumber(jdbc, "t1");
        var staying = storyNumber(jdbc, "t2");

        assertThat(retention.deleteSketchesBefore(NOW.minus(Duration.ofDays(9)))).isEqualTo(2);
        assertThat(bandKeys(jdbc, staying)).isEqualTo(48);
        assertThat(bandKeys(jdbc, first)).isZero();
        // The third story's band rows wait for the sketch numbered below them to leave, and then go with it.
        assertThat(retention.deleteSketchesBefore(NOW)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from cluster_band").query(Integer.class).single()).isZero();
    }

    /**
     * V9 rewrites the band rows of a running window: stories written under V8 keep their band keys, numbered in the
     * order of their times, and later copies still find them.
     */
    @Test
    void numbersTheWindowsSketchesByTimeAndKeepsTheirBandKeysWhenMigratingToV9() {
        useNewDatabase("8");
        var jdbc = JdbcClient.create(dataSource);
        // Written under V8 in another order than their times, as concurrent requests can be.
        writeUnderV8(jdbc, "later", TALKS, NOW.minus(Duration.ofHours(1)));
        writeUnderV8(jdbc, "earlier", HARVEST, NOW.minus(Duration.ofHours(2)));

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(storyNumber(jdbc, "earlier")).isEqualTo(1);
        assertThat(storyNumber(jdbc, "later")).isEqualTo(2);
        assertThat(bandKeysOf(jdbc, 1)).containsExactlyInAnyOrderElementsOf(distinct(TextSketch.of(HARVEST).bands()));
        assertThat(bandKeysOf(jdbc, 2)).containsExactlyInAnyOrderElementsOf(distinct(TextSketch.of(TALKS).bands()));
        assertThat(register(store(), "copy", "GENEVA (Wire) - " + TALKS)).isEqualTo(new Registration.New("later"));
        assertThat(storyNumber(jdbc, "copy")).isEqualTo(3);
    }

    /** The rows V8's code wrote for a new story. */
    private static void writeUnderV8(JdbcClient jdbc, String id, String body, Instant at) {
        var time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        var sketch = TextSketch.of(body);
        jdbc.sql("insert into seen_story (id, canonical_url, cluster_id, ingested_at) values (?, ?, ?, ?)")
                .params(id, "https://example.com/" + id, id, time).update();
        jdbc.sql("insert into story_sketch (story_id, cluster_id, shingles, ingested_at) values (?, ?, ?, ?)")
                .params(id, id, sketch.shingles(), time).update();
        jdbc.sql("""
                        insert into cluster_band (band_key, story_id, ingested_at)
                        select distinct key, ?, ? from unnest(?) as key""")
                .params(id, time, sketch.bands()).update();
    }

    private static List<Long> bandKeysOf(JdbcClient jdbc, long storyNumber) {
        return jdbc.sql("select band_key from cluster_band where story_no = ?").param(storyNumber).query(Long.class)
                .list();
    }

    private static List<Long> distinct(long[] keys) {
        return Arrays.stream(keys).distinct().boxed().toList();
    }

    private static long storyNumber(JdbcClient jdbc, String storyId) {
        return jdbc.sql("select story_no from story_sketch where story_id = ?").param(storyId).query(Long.class)
                .single();
    }

    private static int bandKeys(JdbcClient jdbc, long storyNumber) {
        return jdbc.sql("select count(distinct band_key) from cluster_band where story_no = ?").param(storyNumber)
                .query(Integer.class).single();
    }

    @Test
    void refusesToRegisterOutsideATransaction() {
        assertThatThrownBy(() -> store().register("e1", "https://example.com/e1", TextSketch.of(TALKS), NOW))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
