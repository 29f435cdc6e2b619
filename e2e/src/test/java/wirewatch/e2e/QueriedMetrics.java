package wirewatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The metric names that the Prometheus alert rules ({@code deploy/prometheus/rules/*.yml}) and the Grafana
 * dashboards ({@code deploy/grafana/dashboards/*.json}) query, read from their PromQL expressions.
 */
final class QueriedMetrics {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private QueriedMetrics() {
    }

    /** Every PromQL expression of the alert rules and the dashboards under the repository root. */
    static List<String> expressions(Path root) throws IOException {
        List<String> expressions = new ArrayList<>();
        var yaml = YAMLMapper.builder().build();
        for (Path rules : files(root.resolve("deploy/prometheus/rules"), ".yml")) {
            for (JsonNode group : yaml.readTree(rules.toFile()).path("groups")) {
                group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asString()));
            }
        }
        var json = JsonMapper.builder().build();
        for (Path dashboard : files(root.resolve("deploy/grafana/dashboards"), ".json")) {
            json.readTree(dashboard.toFile()).findValues("expr").forEach(expr -> expressions.add(expr.asString()));
        }
        return expressions;
    }

    /** The metric names an expression selects: identifiers that are not functions, keywords or label names. */
    static Set<String> names(String expression) {
        String bare = STRING.matcher(expression).replaceAll("\"\"");
        bare = LABEL_MATCHERS.matcher(bare).replaceAll("{}");
        bare = RANGE.matcher(bare).replaceAll("");
        bare = GROUPING.matcher(bare).replaceAll("");
        Set<String> names = new TreeSet<>();
        var identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            boolean isNumberPart = identifiers.start() > 0 && Character.isDigit(bare.charAt(identifiers.start() - 1));
            boolean isFunction = bare.substring(identifiers.end()).stripLeading().startsWith("(");
            if (!isNumberPart && !isFunction && !KEYWORDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<Path> files(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
