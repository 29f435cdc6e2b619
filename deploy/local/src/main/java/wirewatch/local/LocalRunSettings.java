package wirewatch.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ports, paths and the API key of one run. Ports come from {@code --name=port} arguments (see {@link #DEFAULT_PORTS});
 * the key from {@code WIREWATCH_API_KEY} or, when that is unset, a fresh random one per run. {@code --prometheus}
 * (or {@code WIREWATCH_PROMETHEUS=true}) also starts a Prometheus scraping the services. {@code --load-test} sets the
 * stack up for {@code deploy/load/run}: see {@link #loadTest()}.
 *
 * @param serviceJvmArgs extra JVM options for the three services, from {@code WIREWATCH_SERVICE_JVM_ARGS}
 *                       (space-separated), after the launcher's own so they win: to try a collector or a heap size
 *                       under the load harness without rebuilding anything
 * @param loadTest no demo subscriptions (each would receive every load-test alert, the email one at an SMTP send per
 *                 alert), notify's hourly cap on instant alerts lifted (or most load-test alerts would go to the
 *                 digest), and the services' JIT at full strength: a load test measures steady state, not start-up
 */
record LocalRunSettings(Path root, Map<String, Integer> ports, String apiKey, boolean apiKeyGenerated,
                        boolean prometheus, boolean loadTest, List<String> serviceJvmArgs) {

    static final String PROMETHEUS_FLAG = "--prometheus";
    static final String LOAD_TEST_FLAG = "--load-test";

    static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();
    static final Set<String> SERVICES = Set.of("ingest", "classify", "notify");

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest-port", 8081);
        ports.put("classify-port", 8082);
        ports.put("notify-port", 8083);
        ports.put("kafka-port", 9092);
        ports.put("kafka-controller-port", 9093);
        ports.put("postgres-port", 5433);
        ports.put("smtp-port", 2525);
        ports.put("imap-port", 3143);
        ports.put("web-port", 8025);
        ports.put("prometheus-port", 9090);
        return ports;
    }

    static LocalRunSettings from(String[] args, Map<String, String> environment, Path root) {
        Map<String, Integer> ports = new LinkedHashMap<>(DEFAULT_PORTS);
        boolean prometheus = Boolean.parseBoolean(environment.getOrDefault("WIREWATCH_PROMETHEUS", "false"));
        boolean loadTest = false;
        for (String arg : args) {
            if (arg.equals(PROMETHEUS_FLAG)) {
                prometheus = true;
                continue;
            }
            if (arg.equals(LOAD_TEST_FLAG)) {
                loadTest = true;
                continue;
            }
            String[] option = arg.startsWith("--") ? arg.substring(2).split("=", 2) : new String[0];
            if (option.length != 2 || !ports.containsKey(option[0])) {
                throw new IllegalArgumentException("Unknown option " + arg + ". Options (with their defaults): "
                        + PROMETHEUS_FLAG + " " + LOAD_TEST_FLAG + " " + String.join(" ", DEFAULT_PORTS.entrySet().stream()
                                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toList()));
            }
            try {
                ports.put(option[0], Integer.parseInt(option[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(arg + ": " + option[1] + " is not a port number");
            }
        }
        if (!Files.isDirectory(root.resolve("services"))) {
            throw new IllegalArgumentException(root.toAbsolutePath() + " is not the Wirewatch repository "
                    + "(no services/ directory): start the launcher with deploy/local/up");
        }
        String key = environment.get("WIREWATCH_API_KEY");
        boolean generated = key == null || key.isBlank();
        String jvmArgs = environment.getOrDefault("WIREWATCH_SERVICE_JVM_ARGS", "").strip();
        return new LocalRunSettings(root.toAbsolutePath().normalize(), Map.copyOf(ports),
                generated ? randomKey() : key, generated, prometheus, loadTest,
                jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")));
    }

    /** The ports this run will listen on: Prometheus's only when it is asked for. */
    Map<String, Integer> portsToBind() {
        Map<String, Integer> bound = new LinkedHashMap<>(ports);
        if (!prometheus) {
            bound.remove("prometheus-port");
        }
        return bound;
    }

    int port(String name) {
        return ports.get(name);
    }

    int servicePort(String service) {
        return port(service + "-port");
    }

    Path data() {
        return root.resolve("deploy/local/data");
    }

    Path logs() {
        return data().resolve("logs");
    }

    Path serviceJar(String service) {
        return root.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }

    Path kafkaClassPath() {
        return root.resolve("deploy/local/kafka-broker/target/lib");
    }

    Path parentWatchAgent() {
        return root.resolve("deploy/local/target/wirewatch-local-parent-watch.jar");
    }

    /** The scrape configuration for the local run, and the alert rules it loads. */
    Path prometheusConfigTemplate() {
        return root.resolve("deploy/prometheus/prometheus-local.yml");
    }

    Path prometheusRules() {
        return root.resolve("deploy/prometheus/rules");
    }

    Path rulesDirectory() {
        return root.resolve("services/classify/src/main/resources/rules");
    }

    /** The shared seed when the repository sits beside {@code shared/}, else the copy kept in this module. */
    Path seedStoryText() {
        Path shared = root.resolve("../shared/seeds/putin-peace-terms.txt").normalize();
        return Files.exists(shared) ? shared : root.resolve("deploy/local/seed/putin-peace-terms.txt");
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // 24 bytes are exactly 32 URL-safe base64 characters.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "LocalRunSettings[root=" + root + ", ports=" + ports + ", apiKey=(hidden)]";
    }
}
