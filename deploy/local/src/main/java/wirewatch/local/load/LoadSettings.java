package wirewatch.local.load;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of the harness does, from {@code --name value} (or {@code --name=value}) arguments. Bounded on
 * purpose: the rate, the duration and the number of stories have caps, and the services must be on this machine
 * (loopback), so the harness cannot be turned on someone else's server or left running.
 */
record LoadSettings(Schedule schedule, Duration grace, URI ingestUrl, URI classifyUrl, URI notifyUrl,
                    String apiKey) {

    static final int MAX_RATE = 2_000;
    static final Duration MAX_DURATION = Duration.ofMinutes(5);
    static final int MAX_STORIES = 120_000;
    static final Duration MAX_GRACE = Duration.ofMinutes(2);

    static final String USAGE = """
            deploy/load/run --rate <stories/s> --duration <30s|2m> [--warm-up 5s] [--grace 15s]
                            [--ingest http://localhost:8081] [--classify http://localhost:8082]
                            [--notify http://localhost:8083] [--api-key <key>]
            The API key defaults to $WIREWATCH_API_KEY. Caps: rate %d/s, duration %ds, %d stories, grace %ds;
            ingest, classify and notify must be on loopback.""".formatted(MAX_RATE, MAX_DURATION.toSeconds(), MAX_STORIES,
            MAX_GRACE.toSeconds());

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    static LoadSettings from(String[] args, Map<String, String> environment) {
        Map<String, String> options = options(args);
        int rate = integer(options, "rate", null);
        Duration duration = duration(options, "duration", null);
        Duration warmUp = duration(options, "warm-up", "5s");
        Duration grace = duration(options, "grace", "15s");
        if (rate > MAX_RATE) {
            throw new IllegalArgumentException("--rate " + rate + " is above the cap of " + MAX_RATE + " stories/s");
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration " + duration.toSeconds() + "s is above the cap of "
                    + MAX_DURATION.toSeconds() + "s");
        }
        if (grace.compareTo(MAX_GRACE) > 0) {
            throw new IllegalArgumentException("--grace " + grace.toSeconds() + "s is above the cap of "
                    + MAX_GRACE.toSeconds() + "s");
        }
        var schedule = new Schedule(rate, duration, warmUp);
        if (schedule.size() > MAX_STORIES) {
            throw new IllegalArgumentException("--rate " + rate + " for " + duration.toSeconds() + "s would send "
                    + schedule.size() + " stories, above the cap of " + MAX_STORIES);
        }
        String apiKey = options.getOrDefault("api-key", environment.getOrDefault("WIREWATCH_API_KEY", ""));
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("No API key: pass --api-key or set WIREWATCH_API_KEY (deploy/local/up "
                    + "prints the key it started the services with)");
        }
        return new LoadSettings(schedule, grace, loopback(options, "ingest", "http://localhost:8081"),
                loopback(options, "classify", "http://localhost:8082"),
                loopback(options, "notify", "http://localhost:8083"), apiKey);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        var unknown = options.keySet().stream()
                .filter(name -> !Arrays.asList("rate", "duration", "warm-up", "grace", "ingest", "classify",
                        "notify", "api-key").contains(name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown option(s) " + unknown);
        }
        return options;
    }

    private static int integer(Map<String, String> options, String name, String fallback) {
        String value = required(options, name, fallback);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    static Duration duration(Map<String, String> options, String name, String fallback) {
        String value = required(options, name, fallback);
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration such as 30s, 2m or 500ms, got '"
                    + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static String required(Map<String, String> options, String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Only http(s) URLs whose host resolves to loopback addresses only. */
    private static URI loopback(Map<String, String> options, String name, String fallback) {
        String value = options.getOrDefault(name, fallback);
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + " is not a URL: '" + value + "'");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--" + name + " must be an http(s) URL, got '" + value + "'");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("--" + name + " " + value + " resolves to " + address
                            + ": the load harness only drives services on this machine (loopback)");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--" + name + " host " + uri.getHost() + " does not resolve");
        }
        return uri;
    }
}
