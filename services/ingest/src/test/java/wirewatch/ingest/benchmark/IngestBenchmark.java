package wirewatch.ingest.benchmark;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;
import wirewatch.ingest.IngestApplication;

/**
 * Posts stories to ingest over HTTP at a fixed rate, one story per {@code POST /api/stories} as the load harness
 * does, and reports what each story cost: CPU of the ingest JVM and of PostgreSQL, per story, read from the
 * operating system; and from ingest's own timers, how long a story held its database connection (its transaction,
 * and so its band locks) and how long of that it waited for Kafka's acknowledgement.
 *
 * <p>Ingest runs as a process of its own (the whole application, started from this class path) so that its CPU is
 * its own: the embedded KRaft broker and the HTTP client live in this JVM, PostgreSQL (zonky's embedded server) in
 * its processes. The schedule is open-loop: story <i>n</i> is sent at <i>n</i>/rate seconds from its own virtual
 * thread, whatever happened to the others. The first stories warm the JIT up and are not counted.
 *
 * <pre>
 * ./mvnw -pl services/ingest -Pbenchmark test-compile exec:exec [-Dbenchmark.args="50 3000 1500"]
 * </pre>
 * Arguments: stories per second, warm-up stories, measured stories. The environment variable
 * {@code INGEST_JVM_ARGS} replaces the ingest JVM's options ({@code -Xmx512m}), e.g. to add a JFR recording; the
 * system property {@code ingest.classes} (in {@code -Dbenchmark.jvmArgs}) runs ingest's classes from another
 * directory instead of {@code target/classes}: a copy of another build, for an A/B comparison back to back.
 */
public final class IngestBenchmark {

    private static final String API_KEY = "benchmark";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 1500;

        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN); // the broker's chatter
        var kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.STORIES);
        kafka.brokerProperties(Map.of("offsets.topic.replication.factor", "1"));
        kafka.afterPropertiesSet();
        var statements = Boolean.getBoolean("ingest.statements");
        var postgres = statements
                ? EmbeddedPostgres.builder()
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all")
                        .setServerConfig("pg_stat_statements.track_planning", "on")
                        .start()
                : EmbeddedPostgres.start();
        Process ingest = null;
        try {
            try (var connection = postgres.getPostgresDatabase().getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("create database ingest");
            }
            if (statements) {
                try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                        var statement = connection.createStatement()) {
                    statement.execute("create extension pg_stat_statements");
                }
            }
            int port = freePort();
            ingest = startIngest(port, kafka.getBrokersAsString(), postgres.getJdbcUrl("postgres", "ingest"));
            var base = URI.create("http://127.0.0.1:" + port);
            awaitUp(base, ingest);
            var stories = new StoryGenerator(42, Long.toHexString(System.nanoTime()));

            System.out.printf("warm-up: %s%n", warmUp(base, stories, warmUp));

            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var postgresServer = postgresServer(postgres);
            if (statements) {
                execute(postgres, "select pg_stat_statements_reset()");
            }
            var metricsBefore = scrape(base);
            var ingestBefore = cpu(ingest.toHandle());
            var jitBefore = compilerCpu(ingest.pid());
            var postgresBefore = cpuOf(postgresServer);
            long runnerBefore = os.getProcessCpuTime();
            var loadBefore = loadAverage();
            var sessions = new SessionSampler(postgres);
            var run = post(base, stories, warmUp, measured, rate);
            var waits = sessions.stop();
            var ingestCpu = cpu(ingest.toHandle()).minus(ingestBefore).toNanos();
            var jitCpu = compilerCpu(ingest.pid()).minus(jitBefore).toNanos();
            var postgresCpu = cpuOf(postgresServer).minus(postgresBefore).toNanos();
            double runnerCpu = os.getProcessCpuTime() - runnerBefore;
            var metricsAfter = scrape(base);

            int accepted = run.accepted();
            System.out.printf("measured: %s%n", run);
            System.out.printf("CPU per accepted story: ingest %.0f µs (of which the JIT compiler's threads %.0f µs),"
                            + " PostgreSQL %.0f µs (this runner, with the broker and the HTTP client: %.0f µs)%n",
                    ingestCpu / 1e3 / accepted, jitCpu / 1e3 / accepted, postgresCpu / 1e3 / accepted,
                    runnerCpu / 1e3 / accepted);
            System.out.printf("ingest's timers, mean per story: POST → 202 %s; waiting for a DB connection %s;"
                            + " DB connection held (DB + Kafka ack) %s; waiting for Kafka's ack %s%n",
                    mean(metricsBefore, metricsAfter, "http_server_requests_seconds", "uri=\"/api/stories\""),
                    mean(metricsBefore, metricsAfter, "hikaricp_connections_acquire_seconds", ""),
                    mean(metricsBefore, metricsAfter, "hikaricp_connections_usage_seconds", ""),
                    mean(metricsBefore, metricsAfter, "wirewatch_ingest_publish_seconds", ""));
            System.out.printf("ingest's PostgreSQL sessions, mean of samples every 100 ms: %s%n", waits);
            System.out.printf("load average before: %s, after: %s, on %d cores%n", loadBefore, loadAverage(),
                    os.getAvailableProcessors());
            if (statements) {
                printTopStatements(postgres, accepted);
            }
        } finally {
            if (ingest != null) {
                ingest.destroy();
                ingest.waitFor();
            }
            postgres.close();
            kafka.destroy();
        }
        System.exit(0);
    }

    /** Ingest's classes and everything they need: this JVM's class path, with the classes swapped if asked. */
    private static Process startIngest(int port, String brokers, String databaseUrl) throws IOException {
        var classPath = System.getProperty("java.class.path");
        var classes = System.getProperty("ingest.classes");
        if (classes != null) {
            classPath = Arrays.stream(classPath.split(File.pathSeparator))
                    .map(entry -> entry.endsWith("target" + File.separator + "classes") ? classes : entry)
                    .collect(Collectors.joining(File.pathSeparator));
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var jvmArgs = System.getenv().getOrDefault("INGEST_JVM_ARGS", "-Xmx512m");
        command.addAll(Arrays.stream(jvmArgs.split("\\s+")).filter(arg -> !arg.isBlank()).toList());
        command.addAll(List.of("-cp", classPath, IngestApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--logging.level.root=WARN",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--wirewatch.api.key=" + API_KEY));
        System.out.printf("ingest: %s%n", classes == null ? "target/classes" : classes);
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static void awaitUp(URI base, Process ingest) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!ingest.isAlive()) {
                throw new IllegalStateException("ingest exited with " + ingest.exitValue());
            }
            try {
                var response = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200); // a runner polling a process it started, not a test waiting for a result
        }
        throw new IllegalStateException("ingest did not become ready within 2 minutes");
    }

    /**
     * Four clients posting back to back, so the JIT compiles the hot paths without the 503s that an open-loop
     * schedule meets while the JVM is still cold.
     */
    private static String warmUp(URI base, StoryGenerator stories, int count) throws InterruptedException {
        var next = new AtomicInteger();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var bodies = new String[count];
        for (int i = 0; i < count; i++) {
            bodies[i] = body(stories.next(i));
        }
        long started = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < 4; client++) {
                threads.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        statuses.computeIfAbsent(send(base, bodies[n]), any -> new AtomicInteger())
                                .incrementAndGet();
                    }
                });
            }
        }
        return String.format("%d stories in %.1f s, answers %s", count, (System.nanoTime() - started) / 1e9,
                statuses);
    }

    /** Sends stories {@code first} to {@code first + count - 1}, story n due at (n - first) / rate seconds. */
    private static Run post(URI base, StoryGenerator stories, int first, int count, int rate)
            throws InterruptedException {
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var latencies = new ConcurrentLinkedQueue<Long>();
        long started = System.nanoTime();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                var story = stories.next(first + i);
                var body = body(story);
                long due = started + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                threads.submit(() -> {
                    int status = send(base, body);
                    latencies.add(System.nanoTime() - due);
                    statuses.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
                });
            }
        }
        var took = Duration.ofNanos(System.nanoTime() - started);
        var sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Run(count, took, statuses.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get())),
                percentile(sorted, 0.5), percentile(sorted, 0.99), rate);
    }

    private static String body(StoryGenerator.GeneratedStory story) {
        return JSON.writeValueAsString(Map.of("url", story.url(), "title", story.title(), "body", story.body(),
                "source", "load.wirewatch.test"));
    }

    /** The status ingest answered, or -1 when the request failed. */
    private static int send(URI base, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/api/stories"))
                    .header("Authorization", "Bearer " + API_KEY)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Sums of {@code <name>_sum} and {@code <name>_count} over the series whose labels contain {@code filter}. */
    private static Map<String, Double> scrape(URI base) throws IOException, InterruptedException {
        var text = HTTP.send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var values = new ConcurrentHashMap<String, Double>();
        text.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            values.merge(line.substring(0, space), Double.parseDouble(line.substring(space + 1)), Double::sum);
        });
        return values;
    }

    private static String mean(Map<String, Double> before, Map<String, Double> after, String name, String filter) {
        double sum = total(after, name + "_sum", filter) - total(before, name + "_sum", filter);
        double count = total(after, name + "_count", filter) - total(before, name + "_count", filter);
        return count == 0 ? "-" : String.format("%.2f ms (%d)", sum / count * 1e3, (long) count);
    }

    private static double total(Map<String, Double> values, String series, String filter) {
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().equals(series) || entry.getKey().startsWith(series + "{"))
                .filter(entry -> entry.getKey().contains(filter))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws Exception {
        try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * With {@code -Dingest.statements=true} (in {@code -Dbenchmark.jvmArgs}) PostgreSQL loads
     * {@code pg_stat_statements}, and the statements that took it longest during the measured stories are printed
     * (their time includes waiting for a core, and for a lock, on a busy machine).
     */
    private static void printTopStatements(EmbeddedPostgres postgres, int stories) throws Exception {
        System.out.println("Statements that took PostgreSQL longest (µs per story, calls, rows, statement):");
        try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select round(total_exec_time * 1000 / %d) || ' µs, ' || round(total_plan_time * 1000 / %d)
                               || ' µs planning, ' || calls || ', ' || rows || ', '
                               || left(regexp_replace(query, '\s+', ' ', 'g'), 160)
                          from pg_stat_statements order by total_exec_time desc limit 12""".formatted(stories,
                        stories))) {
            while (result.next()) {
                System.out.println(result.getString(1));
            }
        }
        // Unlike time, these do not depend on what else the machine is doing: the work itself, per story.
        try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select 'per story, all statements: ' || round(sum(shared_blks_hit + shared_blks_read) / %d.0)
                               || ' buffers read, ' || round(sum(shared_blks_dirtied) / %d.0, 1) || ' dirtied, '
                               || round(sum(wal_records) / %d.0) || ' WAL records, ' || round(sum(wal_bytes) / %d.0)
                               || ' WAL bytes'
                          from pg_stat_statements""".formatted(stories, stories, stories, stories))) {
            result.next();
            System.out.println(result.getString(1));
        }
        try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("""
                        select count(*) || ' band keys, stories per key: mean ' || round(avg(stories), 1) || ', max '
                               || max(stories) || '; rows sharing the keys of each of the last 100 stories, mean: '
                               || (select round(count(*) / 100.0) from (
                                       select story_no from story_sketch order by story_no desc limit 100) recent
                                       join cluster_band mine on mine.story_no = recent.story_no
                                       join cluster_band other on other.band_key = mine.band_key)
                               || ' (the candidate search reads at most stories-per-band of them per key)'
                          from (select band_key, count(*) as stories from cluster_band group by band_key) keys""")) {
            result.next();
            System.out.println(result.getString(1));
        }
    }

    /**
     * Counts, every 100 ms while the stories are posted, ingest's sessions waiting for a band lock (an advisory lock)
     * and those inside a transaction: how much of the connection pool the locks keep queueing.
     */
    private static final class SessionSampler {

        private final Thread thread;
        private volatile boolean running = true;
        private long samples;
        private long waiting;
        private long inTransaction;

        SessionSampler(EmbeddedPostgres postgres) {
            thread = Thread.ofPlatform().daemon().start(() -> {
                try (var connection = postgres.getDatabase("postgres", "ingest").getConnection();
                        var statement = connection.prepareStatement("""
                                select count(*) filter (where wait_event = 'advisory'),
                                       count(*) filter (where state in ('active', 'idle in transaction')
                                                          and xact_start is not null)
                                  from pg_stat_activity where datname = 'ingest' and pid <> pg_backend_pid()""")) {
                    while (running) {
                        try (var result = statement.executeQuery()) {
                            result.next();
                            waiting += result.getLong(1);
                            inTransaction += result.getLong(2);
                            samples++;
                        }
                        Thread.sleep(100); // a sampling period, not a wait for a result
                    }
                } catch (Exception e) {
                    System.out.printf("session sampling stopped: %s%n", e);
                }
            });
        }

        String stop() throws InterruptedException {
            running = false;
            thread.join();
            return samples == 0 ? "-" : String.format("%.1f waiting for a band lock, %.1f in a transaction (%d samples)",
                    (double) waiting / samples, (double) inTransaction / samples, samples);
        }
    }

    /** The PostgreSQL server process (the parent of a connection's backend), whose children do the work. */
    private static ProcessHandle postgresServer(EmbeddedPostgres postgres) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return ProcessHandle.of(result.getLong(1)).flatMap(ProcessHandle::parent).orElseThrow();
        }
    }

    /**
     * CPU of the JVM's JIT compiler threads so far, from {@code /proc/<pid>/task}: still compiling after the warm-up
     * is CPU the steady state would not spend.
     */
    private static Duration compilerCpu(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (var task : tasks.toList()) {
                try {
                    var name = Files.readString(task.resolve("comm"));
                    if (!name.startsWith("C2 Compiler") && !name.startsWith("C1 Compiler")) {
                        continue;
                    }
                    var stat = Files.readString(task.resolve("stat"));
                    // After the command's closing parenthesis: state is field 3, utime 14, stime 15.
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException threadEnded) {
                    // a compiler thread may end while it is read
                }
            }
        }
        return Duration.ofMillis(ticks * 10); // USER_HZ is 100 on Linux
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU used so far by the server and the processes it forked that are still running (its connections). */
    private static Duration cpuOf(ProcessHandle server) {
        return Stream.concat(Stream.of(server), server.descendants())
                .map(IngestBenchmark::cpu)
                .reduce(Duration.ZERO, Duration::plus);
    }

    private record Run(int sent, Duration took, Map<Integer, Integer> statuses, double p50, double p99, int rate) {

        int accepted() {
            return statuses.getOrDefault(202, 0);
        }

        @Override
        public String toString() {
            return String.format("%d stories offered at %d/s in %.1f s (%.1f/s), answers %s, p50 %.1f ms, p99 %.1f ms",
                    sent, rate, took.toNanos() / 1e9, sent / (took.toNanos() / 1e9), statuses, p50, p99);
        }
    }
}
