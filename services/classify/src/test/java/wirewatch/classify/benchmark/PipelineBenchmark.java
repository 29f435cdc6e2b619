package wirewatch.classify.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.RuleSources;
import wirewatch.events.CloudEvents;
import wirewatch.events.Story;
import wirewatch.events.Topics;

/**
 * Classify's whole pipeline under a fixed rate of stories: Kafka consume, classification, evidence, the alerts'
 * publish and the offset commit per poll, with the CPU each story costs classify and the broker. Three JVMs: this
 * runner (feeding {@code news.stories.v1} on an open-loop schedule and reading {@code news.alerts.v1} with
 * read_committed, as notify does), the broker ({@link BrokerProcess}) and classify ({@link ClassifyProcess}, the
 * application as it runs in production). The stories are the labelled corpora's and the seed's, each sent under a
 * new id with a {@code traceparent} as ingest writes it, so most match and some do not, as on the service's
 * topic; a phase ends when every story that should alert has (which stories should is known from the default pack
 * compiled here). Per phase it prints the stories sent and alerts read (any duplicate is counted), the latency
 * from a story's due time to its alert being readable, and the CPU per story and per second of classify and of the
 * broker, with and without their JIT compiler threads (see {@link ProcessCpu}; the broker's figure includes serving
 * this runner's produce and fetch, the same in every run).
 *
 * <pre>
 * ./mvnw -B -ntp -pl services/classify -Pbenchmark test-compile exec:exec \
 *   -Dbenchmark.main=wirewatch.classify.benchmark.PipelineBenchmark -Djmh.args="100:60 0:10 50:30 200:20"
 * </pre>
 * Arguments: phases as {@code rate:seconds}; the first is printed as the warm-up; a rate of 0
 * measures the idle cost per second. Environment, each split at spaces: {@code CLASSIFY_ARGS}, application
 * arguments for classify ({@code --spring.kafka.listener.concurrency=3}); {@code CLASSIFY_JVM_ARGS} and {@code
 * BROKER_JVM_ARGS}, JVM arguments ({@code -XX:StartFlightRecording=filename=/tmp/classify.jfr,settings=profile});
 * {@code CLASSIFY_CLASSES}, a copy of another build's {@code target/classes} for classify to run instead of this
 * one's, so that two versions are measured back to back.
 */
public final class PipelineBenchmark {

    private static final Duration ALERTS_TIMEOUT = Duration.ofMinutes(3);

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN); // the clients' chatter
        var phases = Arrays.stream(args.length > 0 ? args : new String[] {"100:60", "0:10", "50:30", "200:20"})
                .map(Phase::parse).toList();
        var stories = stories();
        int matching = (int) stories.stream().filter(Source::alerts).count();
        System.out.printf("%d stories from the corpora and the seed, %d of them alert%n", stories.size(), matching);

        try (var broker = BrokerProcess.start(3, split("BROKER_JVM_ARGS"),
                Path.of("target", "pipeline-benchmark-broker.log"));
                var classify = ClassifyProcess.start(broker.bootstrapServers(), split("CLASSIFY_JVM_ARGS"),
                        split("CLASSIFY_ARGS"), classes(), Path.of("target", "pipeline-benchmark-classify.log"));
                var alerts = new AlertReader(broker.bootstrapServers());
                var feeder = new Feeder(broker.bootstrapServers(), stories, alerts)) {
            alerts.start();
            feeder.probe(classify);
            for (int i = 0; i < phases.size(); i++) {
                var phase = phases.get(i);
                String loadBefore = loadAverage();
                var classifyBefore = classify.cpu();
                var brokerBefore = broker.cpu();
                var run = feeder.run(phase);
                var classifyCpu = classify.cpu().minus(classifyBefore);
                var brokerCpu = broker.cpu().minus(brokerBefore);
                double seconds = run.took().toNanos() / 1e9;
                System.out.printf("%s %d/s for %d s: sent %d at %.1f/s, %d alerts of %d expected (%d duplicates),"
                                + " story to alert p50 %.1f ms p99 %.1f ms max %.1f ms; CPU per story without the JIT"
                                + " (with it): classify %.0f µs (%.0f), broker %.0f µs (%.0f); per second: classify"
                                + " %.0f ms (%.0f), broker %.0f ms (%.0f) over %.1f s; load average %s -> %s%n",
                        i == 0 ? "warm-up" : "measured", phase.rate(), phase.seconds(), run.sent(),
                        run.sentPerSecond(), run.alerts(), run.expected(), run.duplicates(), run.percentile(0.50),
                        run.percentile(0.99), run.percentile(1.0),
                        micros(classifyCpu.work()) / run.sent(), micros(classifyCpu.total()) / run.sent(),
                        micros(brokerCpu.work()) / run.sent(), micros(brokerCpu.total()) / run.sent(),
                        micros(classifyCpu.work()) / 1e3 / seconds, micros(classifyCpu.total()) / 1e3 / seconds,
                        micros(brokerCpu.work()) / 1e3 / seconds, micros(brokerCpu.total()) / 1e3 / seconds,
                        seconds, loadBefore, loadAverage());
            }
        }
        System.exit(0);
    }

    private static double micros(Duration duration) {
        return duration.toNanos() / 1e3;
    }

    private static List<String> split(String variable) {
        var value = System.getenv(variable);
        return value == null || value.isBlank() ? List.of() : List.of(value.strip().split("\\s+"));
    }

    private static Path classes() {
        var classes = System.getenv("CLASSIFY_CLASSES");
        return classes == null || classes.isBlank() ? null : Path.of(classes);
    }

    private static String loadAverage() throws IOException {
        var fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** Each labelled story and the seed, with whether the default pack alerts on it. */
    private static List<Source> stories() {
        try (CompiledRuleSet rules = new RuleSetCompiler(Clock.systemUTC())
                .compile("classpath:rules/", RuleSources.defaultPack())) {
            return Workload.corpusStories().stream()
                    .map(text -> new Source(text, rules.classify(text).matched()))
                    .toList();
        }
    }

    private record Source(StoryText text, boolean alerts) {
    }

    private record Phase(int rate, int seconds) {

        static Phase parse(String text) {
            var parts = text.split(":");
            return new Phase(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    private record Run(int sent, double sentPerSecond, int expected, long alerts, long duplicates, long[] latencies,
            Duration took) {

        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            var sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    /** Sends stories at their due times, each under a new id, and waits for the alerts of those that match. */
    private static final class Feeder implements AutoCloseable {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final KafkaProducer<String, byte[]> producer;
        private final List<Source> stories;
        private final AlertReader alerts;
        private long next;
        private int phase;

        Feeder(String bootstrapServers, List<Source> stories, AlertReader alerts) {
            // as ingest sends: each story on its own, acknowledged by all replicas
            this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new ByteArraySerializer());
            this.stories = stories;
            this.alerts = alerts;
        }

        /** Waits for classify to be up: one matching story's alert. */
        void probe(ClassifyProcess classify) throws InterruptedException {
            var source = stories.stream().filter(Source::alerts).findFirst().orElseThrow();
            var id = "probe";
            alerts.expect(List.of(id));
            send(id, source, System.nanoTime());
            long deadline = System.nanoTime() + ALERTS_TIMEOUT.toNanos();
            while (alerts.received() < 1) {
                if (!classify.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("classify did not alert on the probe story; see "
                            + "target/pipeline-benchmark-classify.log");
                }
                Thread.sleep(100); // a load runner polling its result, not a test waiting for one
            }
        }

        Run run(Phase settings) throws InterruptedException {
            phase++;
            int count = settings.rate() * settings.seconds();
            var ids = new ArrayList<String>();
            var sources = new ArrayList<Source>();
            for (int i = 0; i < count; i++) {
                var source = stories.get((int) (next++ % stories.size()));
                sources.add(source);
                ids.add("p" + phase + "-" + i);
            }
            var expected = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                if (sources.get(i).alerts()) {
                    expected.add(ids.get(i));
                }
            }
            alerts.expect(expected);
            long start = System.nanoTime();
            if (count == 0) {
                Thread.sleep(settings.seconds() * 1000L); // an idle phase: what classify and the broker cost per second
            }
            for (int i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / settings.rate());
                LockSupport.parkNanos(due - System.nanoTime());
                send(ids.get(i), sources.get(i), due);
            }
            double sentPerSecond = count / ((System.nanoTime() - start) / 1e9);
            long deadline = System.nanoTime() + ALERTS_TIMEOUT.toNanos();
            while (alerts.received() < expected.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(alerts.received() + " of " + expected.size() + " alerts after "
                            + ALERTS_TIMEOUT);
                }
                Thread.sleep(10);
            }
            var took = Duration.ofNanos(System.nanoTime() - start);
            Thread.sleep(500); // a late duplicate would show here
            return new Run(count, sentPerSecond, expected.size(), alerts.received(), alerts.duplicates(),
                    alerts.latencies(), took);
        }

        private void send(String id, Source source, long due) {
            var now = Instant.now();
            var story = new Story(id, "benchmark.example", "https://benchmark.example/" + id, source.text().title(),
                    source.text().body(), "en", now, now, id);
            var record = new ProducerRecord<String, byte[]>(Topics.STORIES, id, JSON.writeValueAsBytes(story));
            CloudEvents.headers(id, CloudEvents.STORY_TYPE, "/wirewatch/ingest", now)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            var random = ThreadLocalRandom.current();
            var hex = HexFormat.of();
            var traceparent = "00-" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + "-"
                    + hex.toHexDigits(random.nextLong()) + "-01";
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            alerts.sentAt(id, due);
            producer.send(record);
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** Reads alerts as notify does (read_committed), keyed by story id, and times each from its story's due time. */
    private static final class AlertReader extends Thread implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Long> dueTimes = new ConcurrentHashMap<>();
        private final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        private volatile Map<String, Boolean> expected = Map.of();
        private final AtomicLong received = new AtomicLong();
        private final AtomicLong duplicates = new AtomicLong();
        private final List<Long> latencies = new ArrayList<>();

        AlertReader(String bootstrapServers) {
            super("alert-reader");
            this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.GROUP_ID_CONFIG, "pipeline-benchmark",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                    new StringDeserializer(), new ByteArrayDeserializer());
        }

        void sentAt(String storyId, long due) {
            dueTimes.put(storyId, due);
        }

        synchronized void expect(List<String> storyIds) {
            var next = new ConcurrentHashMap<String, Boolean>();
            storyIds.forEach(id -> next.put(id, true));
            expected = next;
            seen.clear();
            received.set(0);
            duplicates.set(0);
            latencies.clear();
        }

        long received() {
            return received.get();
        }

        long duplicates() {
            return duplicates.get();
        }

        synchronized long[] latencies() {
            return latencies.stream().mapToLong(Long::longValue).toArray();
        }

        @Override
        public void run() {
            consumer.subscribe(List.of(Topics.ALERTS));
            try {
                while (true) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        synchronized (this) {
                            if (!expected.containsKey(record.key())) {
                                continue;
                            }
                            if (seen.putIfAbsent(record.key(), true) != null) {
                                duplicates.incrementAndGet();
                                continue;
                            }
                            latencies.add(now - dueTimes.get(record.key()));
                            received.incrementAndGet();
                        }
                    }
                }
            } catch (WakeupException closing) {
                // close() asked it to stop
            } finally {
                consumer.close();
            }
        }

        @Override
        public void close() throws InterruptedException {
            consumer.wakeup();
            join(10_000);
        }
    }
}
