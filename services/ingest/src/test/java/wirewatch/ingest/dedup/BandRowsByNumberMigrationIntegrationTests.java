package wirewatch.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.ingest.TestDatabases;
import wirewatch.ingest.dedup.SeenStories.Registration;

/**
 * V9 rewrites the band rows of a running window: stories written under V8 keep their band keys, numbered in the
 * order of their times, and later copies still find them.
 */
class BandRowsByNumberMigrationIntegrationTests {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String TALKS = """
            Negotiators from both sides met in Geneva on Monday for a third round of talks on a ceasefire.
            The delegations discussed prisoner exchanges and the withdrawal of heavy weapons from the front.
            A spokesman said the talks were constructive but that no agreement had been reached so far.""";
    private static final String HARVEST = """
            Farmers in the southern region expect the largest wheat harvest in a decade after a wet spring.
            Grain prices fell sharply on the news, and exporters are preparing for record shipments abroad.""";

    @Test
    void numbersTheWindowsSketchesByTimeAndKeepsTheirBandKeys() {
        var dataSource = new DriverManagerDataSource(TestDatabases.newDatabase(), "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).target("8").load().migrate();
        var jdbc = JdbcClient.create(dataSource);
        // Written under V8 in another order than their times, as concurrent requests can be.
        writeUnderV8(jdbc, "later", TALKS, NOW.minus(Duration.ofHours(1)));
        writeUnderV8(jdbc, "earlier", HARVEST, NOW.minus(Duration.ofHours(2)));

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(number(jdbc, "earlier")).isEqualTo(1);
        assertThat(number(jdbc, "later")).isEqualTo(2);
        assertThat(bandKeys(jdbc, 1)).containsExactlyInAnyOrderElementsOf(distinct(TextSketch.of(HARVEST).bands()));
        assertThat(bandKeys(jdbc, 2)).containsExactlyInAnyOrderElementsOf(distinct(TextSketch.of(TALKS).bands()));

        var transactionManager = new DataSourceTransactionManager(dataSource);
        var proxy = new ProxyFactory(new JdbcSeenStories(jdbc,
                new ClustersProperties(Duration.ofHours(72), 0.5, 8, 20, 10, 2)));
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource()));
        var store = (SeenStories) proxy.getProxy();
        var copy = new TransactionTemplate(transactionManager).execute(status -> store.register("copy",
                "https://example.com/copy", TextSketch.of("GENEVA (Wire) - " + TALKS), NOW));

        assertThat(copy).isEqualTo(new Registration.New("later"));
        assertThat(number(jdbc, "copy")).isEqualTo(3);
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

    private static long number(JdbcClient jdbc, String id) {
        return jdbc.sql("select story_no from story_sketch where story_id = ?").param(id).query(Long.class).single();
    }

    private static List<Long> bandKeys(JdbcClient jdbc, long number) {
        return jdbc.sql("select band_key from cluster_band where story_no = ?").param(number).query(Long.class).list();
    }

    private static List<Long> distinct(long[] keys) {
        return Arrays.stream(keys).distinct().boxed().toList();
    }
}
