package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
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

/** The store against a real PostgreSQL with the real migration, without the rest of the service. */
class JdbcSeenStoriesIntegrationTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static DriverManagerDataSource dataSource;
    private static DataSourceTransactionManager transactionManager;
    private static TransactionTemplate transaction;

    @BeforeAll
    static void migrate() {
        dataSource = new DriverManagerDataSource(TestDatabases.newDatabase(), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).load().migrate();
        transactionManager = new DataSourceTransactionManager(dataSource);
        transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * A fresh instance, as after a restart, so everything it knows must come from the database; proxied
     * like Spring would, so its {@code MANDATORY} transaction rule applies.
     */
    private static SeenStories store() {
        var proxy = new ProxyFactory(new JdbcSeenStories(JdbcClient.create(dataSource)));
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        return (SeenStories) proxy.getProxy();
    }

    private static Registration register(SeenStories store, String id, List<String> keys) {
        return transaction.execute(status -> store.register(id, "https://example.com/" + id, keys, NOW));
    }

    @Test
    void remembersAStoryAcrossRestarts() {
        var first = register(store(), "a1", List.of("content-sha256:a"));
        var afterRestart = register(store(), "a1", List.of("content-sha256:other"));

        assertThat(first).isEqualTo(new Registration.New("a1"));
        assertThat(afterRestart).isEqualTo(new Registration.Seen("a1", "a1"));
    }

    @Test
    void putsACopyWithTheSameContentKeyIntoTheFirstStorysCluster() {
        register(store(), "b1", List.of("content-sha256:b"));

        assertThat(register(store(), "b2", List.of("content-sha256:b"))).isEqualTo(new Registration.New("b1"));
        assertThat(register(store(), "b3", List.of("content-sha256:b"))).isEqualTo(new Registration.New("b1"));
        assertThat(register(store(), "b2", List.of())).isEqualTo(new Registration.Seen("b2", "b1"));
        assertThat(register(store(), "b4", List.of())).isEqualTo(new Registration.New("b4"));
    }

    @Test
    void forgetsEverythingWhenTheTransactionRollsBack() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            store().register("c1", "https://example.com/c1", List.of("content-sha256:c"), NOW);
            throw new IllegalStateException("publishing failed");
        })).hasMessage("publishing failed");

        assertThat(register(store(), "c2", List.of("content-sha256:c"))).isEqualTo(new Registration.New("c2"));
        assertThat(register(store(), "c1", List.of("content-sha256:c"))).isEqualTo(new Registration.New("c2"));
    }

    @Test
    void recordsAStoryOnceWhenRegisteredConcurrently() throws Exception {
        var store = store();
        var start = new CountDownLatch(1);
        try (var executor = Executors.newFixedThreadPool(6)) {
            var registrations = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return register(store, "d1", List.of("content-sha256:d"));
                    }, executor))
                    .toList();
            start.countDown();

            var results = registrations.stream().map(CompletableFuture::join).toList();
            assertThat(results).filteredOn(Registration.New.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(Registration.Seen.class::isInstance).hasSize(5);
        }
    }

    @Test
    void refusesToRegisterOutsideATransaction() {
        assertThatThrownBy(() -> store().register("e1", "https://example.com/e1", List.of(), NOW))
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
