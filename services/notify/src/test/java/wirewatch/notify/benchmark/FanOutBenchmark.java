package wirewatch.notify.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import wirewatch.events.Topics;
import wirewatch.notify.NotifyApplication;
import wirewatch.notify.TestDatabases;

/**
 * Fans alerts out to many webhook subscriptions and reports deliveries per second: notify runs in this JVM as the
 * whole application (its Kafka listener reads the alerts from an embedded broker, the ledger is a real embedded
 * PostgreSQL, every request is signed and POSTed over loopback to a JDK HTTP server that answers 204, in a JVM of
 * its own). A delivery counts once the ledger says {@code delivered}. The first alerts warm the JVM up and are not
 * counted. The CPU each delivery cost is reported per process: notify (with the embedded broker and this runner's
 * polling, both small), the receiver, and PostgreSQL.
 *
 * <pre>
 * ./mvnw -pl services/notify -Pbenchmark test-compile exec:exec -Dbenchmark.args="10000 2 10"
 * </pre>
 * Arguments: subscriptions, warm-up alerts, measured alerts.
 */
public final class FanOutBenchmark {

    private FanOutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 10;

        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN); // the broker's chatter
        var kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALERTS);
        kafka.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        var statements = Boolean.getBoolean("fanout.statements");
        var databaseUrl = statements ? databaseWithStatementStatistics() : TestDatabases.newDatabase();
        var receiver = LocalReceiver.start();
        var context = new SpringApplicationBuilder(NotifyApplication.class).run(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--wirewatch.api.key=benchmark",
                "--wirewatch.notify.webhook.allow-private-targets=true");
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            var jdbc = JdbcClient.create(new SingleConnectionDataSource(databaseUrl, "postgres", "postgres", true));
            insertSubscriptions(jdbc, subscriptions, receiver.url());

            publish(producer, "warm-up", warmUp);
            awaitDelivered(jdbc, receiver, (long) warmUp * subscriptions, Duration.ofMinutes(10));
            long before = receiver.stats()[0];

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var postgres = postgresProcess(jdbc);
            if (statements) {
                jdbc.sql("select pg_stat_statements_reset(), pg_stat_reset()").query(Object.class).list();
            }
            long notifyBefore = os.getProcessCpuTime();
            var receiverBefore = receiver.cpu();
            var postgresBefore = cpuOf(postgres);
            long started = System.nanoTime();
            publish(producer, "measured", measured);
            awaitDelivered(jdbc, receiver, (long) (warmUp + measured) * subscriptions, Duration.ofMinutes(20));
            var took = Duration.ofNanos(System.nanoTime() - started);
            double notifyCpu = os.getProcessCpuTime() - notifyBefore;
            double receiverCpu = receiver.cpu().minus(receiverBefore).toNanos();
            double postgresCpu = cpuOf(postgres).minus(postgresBefore).toNanos();

            long deliveries = (long) measured * subscriptions;
            var seen = receiver.stats();
            System.out.printf("%d alerts x %d webhook subscriptions: %d deliveries in %.2f s = %.0f deliveries/s"
                            + " (requests seen by the receiver: %d, distinct webhook-ids: %d); CPU per delivery:"
                            + " notify %.0f µs, receiver %.0f µs, PostgreSQL %.0f µs, together %.0f µs;"
                            + " load average %.1f on %d cores%n",
                    measured, subscriptions, deliveries, took.toNanos() / 1e9,
                    deliveries / (took.toNanos() / 1e9), seen[0] - before, seen[1],
                    notifyCpu / 1e3 / deliveries, receiverCpu / 1e3 / deliveries, postgresCpu / 1e3 / deliveries,
                    (notifyCpu + receiverCpu + postgresCpu) / 1e3 / deliveries,
                    os.getSystemLoadAverage(), os.getAvailableProcessors());
            if (statements) {
                printTopStatements(jdbc);
            }
        } finally {
            context.close();
            receiver.close();
            kafka.destroy();
        }
        System.exit(0);
    }

    /**
     * With {@code -Dfanout.statements=true} (in {@code -Dbenchmark.jvmArgs}) the runner starts a PostgreSQL of its
     * own with {@code pg_stat_statements} loaded and prints the statements that took PostgreSQL longest during the
     * measured alerts (their time includes waiting for a core on a busy machine).
     */
    private static String databaseWithStatementStatistics() throws IOException, SQLException {
        var server = EmbeddedPostgres.builder()
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all")
                .start();
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database fanout");
        }
        var url = server.getJdbcUrl("postgres", "fanout");
        try (var connection = DriverManager.getConnection(url, "postgres", "postgres");
                var statement = connection.createStatement()) {
            statement.execute("create extension pg_stat_statements");
        }
        return url;
    }

    private static void printTopStatements(JdbcClient jdbc) {
        System.out.println("Statements that took PostgreSQL longest (ms, calls, rows, statement):");
        jdbc.sql("""
                        select round(total_exec_time) || ' ms, ' || calls || ', ' || rows || ', '
                               || left(regexp_replace(query, '\\s+', ' ', 'g'), 200)
                          from pg_stat_statements order by total_exec_time desc limit 15""")
                .query(String.class).list().forEach(System.out::println);
        System.out.println("Row updates, of which heap-only (HOT, no new index entries), by table:");
        jdbc.sql("""
                        select relname || ': ' || n_tup_upd || ', ' || n_tup_hot_upd
                          from pg_stat_user_tables where n_tup_upd > 0 order by n_tup_upd desc""")
                .query(String.class).list().forEach(System.out::println);
    }

    /** Each with its own URL (the receiver answers any) and its own random secret. */
    private static void insertSubscriptions(JdbcClient jdbc, int count, String url) {
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        select gen_random_uuid(), 'webhook', ? || n, '{CEASEFIRE}', 'instant', 'active',
                               'whsec_' || encode(decode(md5(random()::text) || md5(random()::text), 'hex'), 'base64'),
                               gen_random_uuid()::text, now()
                          from generate_series(1, ?) as n""")
                .params(url, count).update();
    }

    /** The PostgreSQL server process (the parent of this connection's backend), whose children do the work. */
    private static ProcessHandle postgresProcess(JdbcClient jdbc) {
        long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow();
    }

    /** CPU used so far by the server and the processes it forked that are still running (its connections). */
    private static Duration cpuOf(ProcessHandle server) {
        return Stream.concat(Stream.of(server), server.descendants())
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private static void publish(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            var id = prefix + "-" + i;
            producer.send(new ProducerRecord<>(Topics.ALERTS, id, """
                    {"id": "%s", "storyId": "story-%s", "clusterId": "cluster-%s",
                     "story": {"title": "Ceasefire talks resume", "url": "https://example.com/%s",
                               "source": "example.com", "publishedAt": "2026-11-20T08:00:00Z"},
                     "categories": ["CEASEFIRE"],
                     "matches": [{"ruleId": "ceasefire", "category": "CEASEFIRE", "confidence": 0.9,
                                  "evidence": ["Both sides agreed a ceasefire from Monday."], "stance": "PROPOSED"}],
                     "rulesetVersion": "sha256:0123", "classifiedAt": "2026-11-20T08:01:00Z"}"""
                    .formatted(id, id, id, id))).get();
        }
    }

    /**
     * Waits for the receiver to have seen the requests, then for the ledger to say delivered. Counting the ledger
     * scans the whole deliveries table, so it is not done every 100 ms while notify works: that alone took a
     * sixth of PostgreSQL's time during a run.
     */
    private static void awaitDelivered(JdbcClient jdbc, LocalReceiver receiver, long expected, Duration atMost)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long received;
        while ((received = receiver.stats()[0]) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(received + " of " + expected + " requests after " + atMost);
            }
            Thread.sleep(100); // a load runner polling its result, not a test waiting for one
        }
        while (true) {
            long delivered = jdbc.sql("select count(*) from deliveries where status = 'delivered'")
                    .query(Long.class).single();
            if (delivered >= expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + delivered + " of " + expected + " deliveries after "
                        + atMost);
            }
            Thread.sleep(10);
        }
    }
}
