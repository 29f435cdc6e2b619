package wirewatch.local.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

import wirewatch.local.process.ReadinessCheck;
import wirewatch.local.process.ServiceProcess;
import wirewatch.local.process.ServiceStartException;

/**
 * Kafka as its own JVM. The data directory survives restarts: the storage is formatted only when it has never been,
 * and the properties file is rewritten on every start so a changed port takes effect.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(1);

    private final Settings settings;
    private final ServiceProcess process;

    /**
     * @param classPath   the directory holding the broker's jars ({@code deploy/local/kafka-broker/target/lib})
     * @param dataDirectory where the properties file and the partitions live
     * @param logFile     the broker's console output
     * @param port        the PLAINTEXT listener clients use
     * @param controllerPort the KRaft controller listener
     * @param jvmArgs     extra JVM arguments for the broker, such as the parent-watch agent
     */
    public record Settings(Path classPath, Path dataDirectory, Path logFile, int port, int controllerPort,
                           List<String> jvmArgs) {
    }

    private KafkaBrokerProcess(Settings settings, ServiceProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Writes the configuration, formats the storage on first use and launches the broker without waiting for it. */
    public static KafkaBrokerProcess start(Settings settings) {
        List<Path> jars = jars(settings.classPath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path config = writeConfig(settings);
        formatOnce(settings, java, jars, config);

        ServiceProcess.Builder builder = ServiceProcess.builder("kafka")
                .java(java)
                .jvmArg("-Xmx768m")
                .mainClass("kafka.Kafka", jars)
                .arg(config.toAbsolutePath().toString())
                .logFile(settings.logFile())
                .readiness(new ClusterAnswers(bootstrapServers(settings.port())))
                .startTimeout(Duration.ofMinutes(1))
                .stopTimeout(Duration.ofSeconds(30));
        settings.jvmArgs().forEach(builder::jvmArg);
        ServiceProcess process = builder.build();
        process.start();
        return new KafkaBrokerProcess(settings, process);
    }

    /** Blocks until the broker answers {@code describeCluster}. */
    public KafkaBrokerProcess awaitReady() {
        process.awaitReady();
        return this;
    }

    public String bootstrapServers() {
        return bootstrapServers(settings.port());
    }

    public ServiceProcess process() {
        return process;
    }

    /** Controlled shutdown: SIGTERM lets the broker close its segments, so the next start needs no recovery. */
    @Override
    public void close() {
        process.stop();
    }

    private static String bootstrapServers(int port) {
        return "localhost:" + port;
    }

    private static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ServiceStartException("No Kafka class path at " + directory.toAbsolutePath()
                    + ": build it with ./mvnw -q -DskipTests package");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
            if (jars.isEmpty()) {
                throw new ServiceStartException("No jars in " + directory.toAbsolutePath()
                        + ": build it with ./mvnw -q -DskipTests package");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeConfig(Settings settings) {
        Path partitions = partitionsDirectory(settings);
        Map<String, String> properties = BrokerConfig.singleNode(settings.port(), settings.controllerPort(),
                partitions.toAbsolutePath());
        StringBuilder text = new StringBuilder("# Written by the Wirewatch launcher on every start; edits are lost.\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(partitions);
            Path config = settings.dataDirectory().resolve("server.properties");
            Files.writeString(config, text, StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path partitionsDirectory(Settings settings) {
        return settings.dataDirectory().resolve("partitions");
    }

    private static void formatOnce(Settings settings, Path java, List<Path> jars, Path config) {
        if (Files.exists(partitionsDirectory(settings).resolve("meta.properties"))) {
            return;
        }
        ServiceProcess format = ServiceProcess.builder("kafka-storage-format")
                .java(java)
                .mainClass("kafka.tools.StorageTool", jars)
                .args(List.of("format", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", config.toAbsolutePath().toString()))
                .logFile(settings.logFile())
                .readiness(() -> false)
                .build();
        format.start();
        try {
            int exit = format.onExit().get(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (exit != 0) {
                throw new ServiceStartException("Formatting the Kafka storage in " + partitionsDirectory(settings)
                        + " failed with exit code " + exit + ". See " + settings.logFile().toAbsolutePath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            format.stop();
            throw new ServiceStartException("Interrupted while formatting the Kafka storage");
        } catch (ExecutionException | TimeoutException e) {
            format.stop();
            throw new ServiceStartException("Formatting the Kafka storage did not finish within "
                    + FORMAT_TIMEOUT.toSeconds() + " s. See " + settings.logFile().toAbsolutePath());
        }
    }

    /** Cheap socket probe first, so the admin client does not log a connection warning every poll. */
    private record ClusterAnswers(String bootstrapServers) implements ReadinessCheck {

        @Override
        public boolean isReady() throws Exception {
            String[] hostPort = bootstrapServers.split(":");
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
            }
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            try (Admin admin = Admin.create(config)) {
                return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                        .nodes().get(4, TimeUnit.SECONDS).isEmpty();
            }
        }

        @Override
        public String toString() {
            return "describeCluster on " + bootstrapServers;
        }
    }
}
