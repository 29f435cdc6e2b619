package wirewatch.classify.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import wirewatch.classify.ClassifyApplication;

/**
 * The classify service of {@link PipelineBenchmark}, the whole application in a JVM of its own (as the local run
 * starts it, {@code -Xmx512m} and the full JIT), so that the CPU it reports is classify's alone. Its output goes to
 * a log file.
 */
final class ClassifyProcess implements AutoCloseable {

    private final Process process;

    private ClassifyProcess(Process process) {
        this.process = process;
    }

    /**
     * @param jvmArgs   extra JVM arguments, such as {@code -XX:StartFlightRecording=...}
     * @param arguments extra application arguments ({@code --spring.kafka.consumer.max-poll-records=10})
     * @param classes   another build's {@code target/classes} to run instead of this one's (for an A/B in one
     *                  sitting), or null
     */
    static ClassifyProcess start(String bootstrapServers, List<String> jvmArgs, List<String> arguments,
            Path classes, Path log) throws IOException {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.add("-Xmx512m");
        command.add(ProcessCpu.STABLE_COMPILER_THREADS);
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath(classes), ClassifyApplication.class.getName(),
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--wirewatch.api.key=benchmark"));
        command.addAll(arguments);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ClassifyProcess(process);
    }

    private static String classPath(Path classes) {
        var entries = System.getProperty("java.class.path").split(File.pathSeparator);
        if (classes != null) {
            for (int i = 0; i < entries.length; i++) {
                if (Path.of(entries[i]).endsWith(Path.of("target", "classes"))) {
                    entries[i] = classes.toAbsolutePath().toString();
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    ProcessCpu cpu() {
        return ProcessCpu.of(process.toHandle());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A graceful stop (SIGTERM), so that a flight recording is written out. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
