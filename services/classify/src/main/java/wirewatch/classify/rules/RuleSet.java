package wirewatch.classify.rules;

import java.util.List;

/**
 * A validated set of rules.
 *
 * @param version {@code sha256:} and the hex content hash of the files it was loaded from
 * @param origin  where it was loaded from (a directory or the bundled classpath pack), for operators
 */
public record RuleSet(String version, String origin, List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }
}
