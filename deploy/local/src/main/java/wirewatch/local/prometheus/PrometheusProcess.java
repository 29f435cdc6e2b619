package wirewatch.local.prometheus;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import wirewatch.local.process.ServiceStartException;

/**
 * A Prometheus process: its configuration is {@code deploy/prometheus/prometheus-local.yml} with each job's target
 * moved to the port its service really has and the rule files given by absolute path, written next to its data.
 */
public final class PrometheusProcess implements AutoCloseable {

    private static final Pattern JOB = Pattern.compile("^\\s*-\\s*job_name:\\s*(\\S+)\\s*$");
    private static final Pattern LOCAL_TARGET = Pattern.compile("localhost:\\d+");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /**
     * @param template the scrape configuration with {@code localhost} targets, one job per service
     * @param rules    the directory of alert rule files
     * @param targets  the port of each job's service
     */
    public record Settings(Path template, Path rules, Map<String, Integer> targets, Path dataDirectory, Path logFile,
                           int port) {
    }

    private final Process process;
    private final int port;

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static PrometheusProcess start(Settings settings) {
        Path binary = findBinary().orElseThrow(() -> new ServiceStartException("--prometheus needs a prometheus "
                + "binary on the PATH: on Debian or Ubuntu, apt-get install prometheus"));
        try {
            Files.createDirectories(settings.dataDirectory());
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            Path config = settings.dataDirectory().resolve("prometheus.yml");
            Files.writeString(config, config(Files.readString(settings.template()), settings.targets(),
                    settings.rules()));
            List<String> command = List.of(binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + settings.dataDirectory().resolve("tsdb"),
                    "--web.listen-address=127.0.0.1:" + settings.port());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .start();
            return new PrometheusProcess(process, settings.port());
        } catch (IOException e) {
            throw new ServiceStartException("Could not start Prometheus: " + e.getMessage());
        }
    }

    /** The template with each job's {@code localhost:<port>} target moved to its port in {@code targets}. */
    static String config(String template, Map<String, Integer> targets, Path rules) {
        List<String> lines = new ArrayList<>();
        String job = null;
        for (String line : template.lines().toList()) {
            var jobLine = JOB.matcher(line);
            if (jobLine.matches()) {
                job = jobLine.group(1);
            } else if (line.strip().startsWith("- rules/")) {
                line = line.replace("rules/", rules.toAbsolutePath() + File.separator);
            } else if (job != null && line.contains("targets:")) {
                Integer port = targets.get(job);
                if (port == null) {
                    throw new IllegalArgumentException("no port for the scrape job " + job);
                }
                line = LOCAL_TARGET.matcher(line).replaceAll("localhost:" + port);
            }
            lines.add(line);
        }
        return String.join("\n", lines) + "\n";
    }

    /** Waits until Prometheus answers {@code /-/ready}, or fails naming its log. */
    public PrometheusProcess awaitReady(Path logFile) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return this;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                    throw new ServiceStartException("Prometheus exited with code " + process.exitValue()
                            + "; see " + logFile);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ServiceStartException("interrupted while waiting for Prometheus");
        }
        close();
        throw new ServiceStartException("Prometheus was not ready within " + START_TIMEOUT.toSeconds() + " s; see "
                + logFile);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> findBinary() {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        return Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path)
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
