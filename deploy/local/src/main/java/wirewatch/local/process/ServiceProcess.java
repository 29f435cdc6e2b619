package wirewatch.local.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One child JVM: how to launch it, where its output goes, and how to tell that it is ready. The same description can
 * be started again after {@link #stop()} (see {@link #restart()}), which is what an end-to-end test needs to show
 * that a service picks up where it left off.
 *
 * <pre>{@code
 * ServiceProcess notify = ServiceProcess.builder("notify")
 *         .jar(Path.of("services/notify/target/notify.jar"))
 *         .property("server.port", "8083")
 *         .logFile(Path.of("deploy/local/data/logs/notify.log"))
 *         .readiness(ActuatorHealthCheck.onLocalPort(8083))
 *         .build();
 * notify.start().awaitReady();
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_LINES_IN_ERRORS = 25;

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Path logFile;
    private final ReadinessCheck readiness;
    private final Duration startTimeout;
    private final Duration stopTimeout;

    private volatile Process process;

    private ServiceProcess(Builder builder) {
        this.name = builder.name;
        this.command = List.copyOf(builder.command());
        this.environment = Map.copyOf(builder.environment);
        this.workingDirectory = builder.workingDirectory;
        this.logFile = Objects.requireNonNull(builder.logFile, "logFile is required for " + builder.name);
        this.readiness = Objects.requireNonNull(builder.readiness, "readiness is required for " + builder.name);
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    /** The full command line, for logs and for a person who wants to run one piece by hand. */
    public List<String> command() {
        return command;
    }

    public boolean isAlive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    public long pid() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return current.pid();
    }

    /** Launches the process, appending its output to the log file; does not wait for it to be ready. */
    public synchronized ServiceProcess start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running as pid " + process.pid());
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, System.lineSeparator() + "==== " + Instant.now() + " starting " + name + ": "
                    + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            process = builder.start();
            return this;
        } catch (IOException e) {
            throw new ServiceStartException("Could not start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage());
        }
    }

    /**
     * Blocks until the readiness check passes. Fails at once when the process exits, and after the start timeout
     * otherwise; either way the message names the log file and quotes its end, and a process that timed out is
     * stopped.
     */
    public ServiceProcess awaitReady() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        Instant deadline = Instant.now().plus(startTimeout);
        while (true) {
            if (!current.isAlive()) {
                throw new ServiceStartException(name + " exited with code " + current.exitValue()
                        + " before it was ready. See " + logFile.toAbsolutePath() + tail());
            }
            if (checkReady()) {
                return this;
            }
            if (Instant.now().isAfter(deadline)) {
                stop();
                throw new ServiceStartException(name + " was not ready (" + readiness + ") within "
                        + startTimeout.toSeconds() + " s and was stopped. See " + logFile.toAbsolutePath() + tail());
            }
            try {
                // waitFor doubles as the poll delay and returns early when the process dies.
                current.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException("Interrupted while waiting for " + name);
            }
        }
    }

    /** Asks the process to stop (SIGTERM), waits for the stop timeout, then kills it. Safe to call twice. */
    public synchronized void stop() {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly();
                current.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process if it runs, then starts it again with the same command and waits until it is ready. */
    public ServiceProcess restart() {
        stop();
        return start().awaitReady();
    }

    /** Completes when the current process exits, with its exit code. */
    public CompletableFuture<Integer> onExit() {
        Process current = process;
        if (current == null) {
            throw new IllegalStateException(name + " has not been started");
        }
        return current.onExit().thenApply(Process::exitValue);
    }

    @Override
    public void close() {
        stop();
    }

    private boolean checkReady() {
        try {
            return readiness.isReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size());
            return last.stream().map(line -> "\n    " + line).collect(Collectors.joining("", "\nLast lines:", ""));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Describes a child JVM; {@link #jar} or {@link #mainClass} is required, so are a log file and a readiness check. */
    public static final class Builder {

        private final String name;
        private Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        private final List<String> jvmArgs = new ArrayList<>();
        private List<String> launch;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path logFile;
        private ReadinessCheck readiness;
        private Duration startTimeout = Duration.ofMinutes(2);
        private Duration stopTimeout = Duration.ofSeconds(20);

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        /** The java executable; defaults to the one running this code. */
        public Builder java(Path executable) {
            this.java = executable;
            return this;
        }

        public Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        /** {@code -Dkey=value} for the child JVM. */
        public Builder systemProperty(String key, String value) {
            return jvmArg("-D" + key + "=" + value);
        }

        /**
         * Loads the {@link ParentWatch} agent so the child exits when this JVM disappears, even when killed with -9.
         */
        public Builder exitWhenThisJvmDies(Path parentWatchAgentJar) {
            return jvmArg("-javaagent:" + parentWatchAgentJar.toAbsolutePath() + "=" + ProcessHandle.current().pid());
        }

        public Builder jar(Path jar) {
            this.launch = List.of("-jar", jar.toAbsolutePath().toString());
            return this;
        }

        public Builder mainClass(String mainClass, List<Path> classPath) {
            String joined = classPath.stream().map(path -> path.toAbsolutePath().toString())
                    .collect(Collectors.joining(File.pathSeparator));
            this.launch = List.of("-cp", joined, mainClass);
            return this;
        }

        public Builder arg(String arg) {
            args.add(arg);
            return this;
        }

        public Builder args(List<String> more) {
            args.addAll(more);
            return this;
        }

        /** A Spring-style command-line property, {@code --key=value}. */
        public Builder property(String key, String value) {
            return arg("--" + key + "=" + value);
        }

        public Builder properties(Map<String, String> properties) {
            properties.forEach(this::property);
            return this;
        }

        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder readiness(ReadinessCheck check) {
            this.readiness = check;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        public ServiceProcess build() {
            return new ServiceProcess(this);
        }

        private List<String> command() {
            if (launch == null) {
                throw new IllegalStateException("Set jar(...) or mainClass(...) for " + name);
            }
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(jvmArgs);
            command.addAll(launch);
            command.addAll(args);
            return command;
        }
    }
}
