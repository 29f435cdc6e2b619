package wirewatch.classify.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads rule files into {@link Rule}s and checks everything that can be checked without Lucene: YAML syntax,
 * required and unknown fields, categories, weights, examples and duplicate ids.
 *
 * <p>A file holds a YAML sequence of rules (or a single rule mapping). The YAML node tree is walked by hand
 * rather than bound to classes so that every value keeps its line and every problem can name it.
 */
public final class RuleLoader {

    private static final Set<String> RULE_FIELDS =
            Set.of("id", "category", "query", "context", "exclude", "weight", "examples");
    private static final Set<String> EXAMPLE_KINDS = Set.of("match", "noMatch");
    private static final Set<String> EXAMPLE_FIELDS = Set.of("title", "body");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    /** The rules that could be read and the problems found; the caller decides whether to use them. */
    public record Result(List<Rule> rules, List<RuleProblem> problems) {

        public Result {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    public Result read(List<RuleFile> files) {
        var rules = new ArrayList<Rule>();
        var problems = new ArrayList<RuleProblem>();
        files.stream()
                .sorted(Comparator.comparing(RuleFile::name))
                .forEach(file -> new FileReader(file, rules, problems).read());
        reportDuplicateIds(rules, problems);
        return new Result(rules, problems);
    }

    /** Keeps the first rule of each id, so later stages can still check it, and reports the others. */
    private static void reportDuplicateIds(List<Rule> rules, List<RuleProblem> problems) {
        var firstById = new HashMap<String, Rule>();
        rules.removeIf(rule -> {
            var first = firstById.putIfAbsent(rule.id(), rule);
            if (first != null) {
                problems.add(new RuleProblem(rule.location(),
                        "duplicate rule id '" + rule.id() + "' (first defined at " + first.location() + ")"));
            }
            return first != null;
        });
    }

    /** Walks one file; collects into the shared lists so one broken file does not hide another's problems. */
    private static final class FileReader {

        private final RuleFile file;
        private final List<Rule> rules;
        private final List<RuleProblem> problems;

        FileReader(RuleFile file, List<Rule> rules, List<RuleProblem> problems) {
            this.file = file;
            this.rules = rules;
            this.problems = problems;
        }

        void read() {
            var yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            try {
                for (Node document : yaml.composeAll(new StringReader(file.content()))) {
                    readDocument(document);
                }
            } catch (MarkedYAMLException e) {
                var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                int line = mark == null ? 1 : mark.getLine() + 1;
                problems.add(new RuleProblem(new Location(file.name(), line),
                        "YAML syntax error: " + e.getProblem()));
            } catch (YAMLException e) {
                problems.add(new RuleProblem(new Location(file.name(), 1), "YAML error: " + e.getMessage()));
            }
        }

        private void readDocument(Node document) {
            if (document instanceof SequenceNode sequence) {
                sequence.getValue().forEach(this::readRule);
            } else if (document instanceof MappingNode) {
                readRule(document);
            } else if (!(document instanceof ScalarNode scalar && scalar.getValue().isBlank())) {
                problem(document, "a rule file must hold a list of rules, each a mapping with id, category and query");
            }
        }

        private void readRule(Node node) {
            if (!(node instanceof MappingNode mapping)) {
                problem(node, "a rule must be a mapping with id, category and query");
                return;
            }
            var fields = fields(mapping, RULE_FIELDS, "rule");
            var location = location(node);
            var id = scalar(fields.get("id"), "id");
            var label = id == null ? "rule at line " + location.line() : "rule '" + id + "'";
            boolean valid = true;
            if (id == null || id.isBlank()) {
                problem(node, "rule has no id");
                valid = false;
            } else if (!ID.matcher(id).matches()) {
                problem(fields.get("id"), label + ": id may hold only letters, digits, '.', '_' and '-'");
                valid = false;
            }
            var category = scalar(fields.get("category"), "category");
            if (fields.get("category") == null) {
                problem(node, label + " has no category");
                valid = false;
            } else if (category == null || category.isBlank()) {
                problem(fields.get("category"), label + " has an empty category");
                valid = false;
            } else if (!CATEGORY.matcher(category).matches()) {
                problem(fields.get("category"), label + ": category '" + category + "' must be UPPER_SNAKE_CASE");
                valid = false;
            }
            var query = clause(fields.get("query"), label, "query");
            if (fields.get("query") == null) {
                problem(node, label + " has no query");
                valid = false;
            } else if (query == null) {
                valid = false;
            }
            var context = clause(fields.get("context"), label, "context");
            var exclude = clause(fields.get("exclude"), label, "exclude");
            valid &= fields.get("context") == null || context != null;
            valid &= fields.get("exclude") == null || exclude != null;
            var weight = weight(fields.get("weight"), label);
            valid &= !Double.isNaN(weight);
            var match = new ArrayList<Rule.Example>();
            var noMatch = new ArrayList<Rule.Example>();
            valid &= examples(fields.get("examples"), node, label, match, noMatch);
            if (valid) {
                rules.add(new Rule(id, category, query, context, exclude, weight, match, noMatch, location));
            }
        }

        private Map<String, Node> fields(MappingNode mapping, Set<String> allowed, String what) {
            var fields = new LinkedHashMap<String, Node>();
            for (NodeTuple tuple : mapping.getValue()) {
                var key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    problem(tuple.getKeyNode(), "unknown field '" + key + "' in " + what + " (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                } else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
                    problem(tuple.getKeyNode(), "field '" + key + "' appears twice in one " + what);
                }
            }
            return fields;
        }

        private String scalar(Node node, String field) {
            if (node == null) {
                return null;
            }
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            problem(node, "field '" + field + "' must be a single value, not a list or mapping");
            return null;
        }

        private Rule.Clause clause(Node node, String label, String field) {
            if (node == null) {
                return null;
            }
            var text = scalar(node, field);
            if (text == null) {
                return null;
            }
            if (text.isBlank()) {
                problem(node, label + ": " + field + " is empty");
                return null;
            }
            return new Rule.Clause(text.strip(), location(node));
        }

        /** Returns NaN after reporting a problem, so the caller can tell a bad weight from the default. */
        private double weight(Node node, String label) {
            if (node == null) {
                return 1.0;
            }
            var text = scalar(node, "weight");
            if (text == null) {
                return Double.NaN;
            }
            try {
                double weight = Double.parseDouble(text.strip());
                if (weight >= 0 && weight <= 1) {
                    return weight;
                }
            } catch (NumberFormatException e) {
                // reported below, like an out-of-range number
            }
            problem(node, label + ": weight must be a number from 0 to 1, was '" + text + "'");
            return Double.NaN;
        }

        private boolean examples(Node node, Node rule, String label, List<Rule.Example> match,
                List<Rule.Example> noMatch) {
            if (node == null) {
                problem(rule, label + " has no examples: give at least one story under examples.match");
                return false;
            }
            if (!(node instanceof MappingNode mapping)) {
                problem(node, label + ": examples must be a mapping with 'match' and 'noMatch' lists");
                return false;
            }
            int problemsBefore = problems.size();
            var kinds = fields(mapping, EXAMPLE_KINDS, "examples");
            readExamples(kinds.get("match"), label, "match", match);
            readExamples(kinds.get("noMatch"), label, "noMatch", noMatch);
            if (match.isEmpty() && problems.size() == problemsBefore) {
                problem(node, label + " has no examples under examples.match");
            }
            return problems.size() == problemsBefore;
        }

        private void readExamples(Node node, String label, String kind, List<Rule.Example> into) {
            if (node == null) {
                return;
            }
            if (!(node instanceof SequenceNode sequence)) {
                problem(node, label + ": examples." + kind + " must be a list");
                return;
            }
            for (Node example : sequence.getValue()) {
                if (example instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    into.add(new Rule.Example("", scalar.getValue(), location(example)));
                } else if (example instanceof MappingNode mapping) {
                    var fields = fields(mapping, EXAMPLE_FIELDS, "example");
                    var title = scalar(fields.get("title"), "title");
                    var body = scalar(fields.get("body"), "body");
                    if (isBlank(title) && isBlank(body)) {
                        problem(example, label + ": an example needs a title or a body");
                    } else {
                        into.add(new Rule.Example(orEmpty(title), orEmpty(body), location(example)));
                    }
                } else {
                    problem(example, label + ": an example must be a text or a mapping with title and body");
                }
            }
        }

        private Location location(Node node) {
            return new Location(file.name(), node.getStartMark().getLine() + 1);
        }

        private void problem(Node node, String message) {
            problems.add(new RuleProblem(location(node), message));
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }
}
