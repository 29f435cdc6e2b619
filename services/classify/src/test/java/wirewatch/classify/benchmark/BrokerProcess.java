package wirewatch.classify.benchmark;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import wirewatch.events.Topics;

/**
 * The Kafka broker of {@link PipelineBenchmark}, an embedded KRaft broker in a JVM of its own so the CPU it spends on
 * classify's fetches, produce requests and offset commits is reported apart from classify's. It writes its bootstrap
 * address to the file it is given (its output, the broker's own chatter included, goes to a log file) and stops
 * when its standard input closes (with the runner).
 */
final class BrokerProcess implements AutoCloseable {

    private final Process process;
    private final String bootstrapServers;

    private BrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker JVM with this JVM's runtime and class path, {@code news.stories.v1} created. */
    static BrokerProcess start(int storyPartitions, List<String> jvmArgs, Path log)
            throws IOException, InterruptedException {
        var address = Files.createTempFile("pipeline-benchmark-broker", ".address");
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xmx768m");
        command.add(ProcessCpu.STABLE_COMPILER_THREADS);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                Integer.toString(storyPartitions), address.toString()));
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (Files.size(address) == 0) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException("the broker did not start; see " + log);
                }
                Thread.sleep(100); // polling a file another process writes
            }
            return new BrokerProcess(process, Files.readString(address).strip());
        } finally {
            Files.delete(address);
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    ProcessCpu cpu() {
        return ProcessCpu.of(process.toHandle());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        var kafka = new EmbeddedKafkaKraftBroker(1, Integer.parseInt(args[0]), Topics.STORIES);
        kafka.brokerProperties(Map.of("offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        var address = Path.of(args[1]);
        var written = Files.writeString(address.resolveSibling(address.getFileName() + ".tmp"),
                kafka.getBrokersAsString());
        Files.move(written, address, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try {
            while (System.in.read() >= 0) {
                // the runner never writes; end of input means it is gone
            }
        } finally {
            kafka.destroy();
            System.exit(0);
        }
    }
}
