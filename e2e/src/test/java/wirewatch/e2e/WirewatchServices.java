package wirewatch.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import wirewatch.local.process.ActuatorHealthCheck;
import wirewatch.local.process.ServiceProcess;

/**
 * The three service jars, each its own JVM, wired to one infrastructure with the same launcher the local run uses.
 */
final class WirewatchServices implements AutoCloseable {

    static final String API_KEY = "e2e-" + Long.toHexString(System.nanoTime());

    private final ServiceProcess ingest;
    private final ServiceProcess classify;
    private final ServiceProcess notify;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Path root;

    WirewatchServices(Infrastructure infrastructure, int smtpPort, Path logs) {
        root = Path.of(System.getProperty("wirewatch.repository.root", "..")).toAbsolutePath().normalize();
        Map<String, String> common = Map.of(
                "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "wirewatch.api.key", API_KEY,
                "spring.datasource.username", infrastructure.databaseUser(),
                "spring.datasource.password", infrastructure.databasePassword());
        ingest = service(root, logs, "ingest", common, Map.of(
                "spring.datasource.url", infrastructure.jdbcUrl("ingest")));
        classify = service(root, logs, "classify", common, Map.of(
                // Hot reload on, as in the local run, so the reload metrics exist.
                "wirewatch.rules.directory", root.resolve("services/classify/src/main/resources/rules").toString(),
                // One service logs JSON lines, to prove the one switch that turns them on.
                "logging.structured.format.console", "ecs"));
        int notifyPort = freePort();
        notify = service(root, logs, "notify", notifyPort, common, Map.of(
                "spring.datasource.url", infrastructure.jdbcUrl("notify"),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(smtpPort),
                "wirewatch.notify.public-url", "http://127.0.0.1:" + notifyPort,
                "wirewatch.notify.webhook.allow-private-targets", "true",
                // After a restart with its committed offsets deleted, notify must re-read the whole topic.
                "spring.kafka.consumer.auto-offset-reset", "earliest"));
    }

    /** Starts all three in parallel and waits until each reports UP; returns how long that took. */
    Duration start() {
        long started = System.nanoTime();
        CompletableFuture.allOf(List.of(ingest, classify, notify).stream()
                .map(service -> CompletableFuture.runAsync(() -> service.start().awaitReady()))
                .toArray(CompletableFuture[]::new)).join();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    URI ingest(String path) {
        return uri("ingest", path);
    }

    URI classify(String path) {
        return uri("classify", path);
    }

    URI notify(String path) {
        return uri("notify", path);
    }

    ServiceProcess notifyProcess() {
        return notify;
    }

    Path logOf(String service) {
        return switch (service) {
            case "ingest" -> ingest.logFile();
            case "classify" -> classify.logFile();
            case "notify" -> notify.logFile();
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** The Prometheus endpoints of all three. */
    List<URI> metricsEndpoints() {
        return List.of(ingest("/actuator/prometheus"), classify("/actuator/prometheus"),
                notify("/actuator/prometheus"));
    }

    Path repositoryRoot() {
        return root;
    }

    @Override
    public void close() {
        List.of(ingest, classify, notify).forEach(ServiceProcess::stop);
    }

    private URI uri(String service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }

    private ServiceProcess service(Path root, Path logs, String name, Map<String, String> common,
            Map<String, String> own) {
        return service(root, logs, name, freePort(), common, own);
    }

    private ServiceProcess service(Path root, Path logs, String name, int port, Map<String, String> common,
            Map<String, String> own) {
        ports.put(name, port);
        return ServiceProcess.builder(name)
                .jar(root.resolve("services").resolve(name).resolve("target").resolve(name + ".jar"))
                .jvmArg("-XX:TieredStopAtLevel=1")
                .jvmArg("-Xmx512m")
                .property("server.port", String.valueOf(port))
                .property("server.address", "127.0.0.1")
                .properties(common)
                .properties(own)
                .logFile(logs.resolve(name + ".log"))
                .readiness(ActuatorHealthCheck.onLocalPort(port))
                .startTimeout(Duration.ofMinutes(3))
                .build();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
