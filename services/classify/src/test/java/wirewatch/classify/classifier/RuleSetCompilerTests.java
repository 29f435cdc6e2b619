package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import wirewatch.classify.rules.InvalidRuleSetException;
import wirewatch.classify.rules.RuleFile;
import wirewatch.classify.rules.RuleProblem;

class RuleSetCompilerTests {

    private final RuleSetCompiler compiler = new RuleSetCompiler(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private static final String GOOD = """
            - id: lift-sanctions
              category: SANCTIONS_RELIEF
              query: '"lift sanctions"~3'
              context: russia OR moscow
              weight: 0.8
              examples:
                match:
                  - Moscow wants the West to lift sanctions.
                  - {title: "Russia sanctions to be lifted?", body: "Officials discussed how to lift the sanctions on Russia."}
                noMatch:
                  - EU extends sanctions on Russia for six months.
            """;

    @Test
    void compilesAValidSetWithItsContentHashAsVersion() {
        var compiled = compiler.compile("test", List.of(new RuleFile("sanctions.yaml", GOOD)));

        assertThat(compiled.ruleSet().rules()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("lift-sanctions");
            assertThat(rule.weight()).isEqualTo(0.8);
            assertThat(rule.location()).hasToString("sanctions.yaml:1");
            assertThat(rule.match()).hasSize(2);
        });
        assertThat(compiled.version()).isEqualTo(
                compiler.compile("again", List.of(new RuleFile("sanctions.yaml", GOOD))).version());
        assertThat(compiled.version()).isNotEqualTo(
                compiler.compile("edited", List.of(new RuleFile("sanctions.yaml", GOOD + "\n# edited\n"))).version());
    }

    @Test
    void rejectsAYamlSyntaxErrorAtItsLine() {
        var broken = """
                - id: a
                  category: CEASEFIRE
                  query: truce
                   examples: [
                """;

        assertThat(problems(new RuleFile("broken.yaml", broken)))
                .singleElement().asString().startsWith("broken.yaml:4: YAML syntax error");
    }

    @Test
    void reportsMissingFieldsEmptyCategoryAndUnknownFieldsAtTheirLines() {
        var rules = """
                - id: no-query
                  category: CEASEFIRE
                  examples: {match: [truce in Ukraine]}
                - id: empty-category
                  category: ""
                  query: truce
                  examples: {match: [truce in Ukraine]}
                - category: CEASEFIRE
                  query: truce
                  examples: {match: [truce in Ukraine]}
                - id: typo
                  category: CEASEFIRE
                  qurey: truce
                  query: truce
                  examples: {match: [truce in Ukraine]}
                - id: no-examples
                  category: CEASEFIRE
                  query: truce
                """;

        assertThat(problems(new RuleFile("fields.yaml", rules))).containsExactly(
                "fields.yaml:1: rule 'no-query' has no query",
                "fields.yaml:5: rule 'empty-category' has an empty category",
                "fields.yaml:8: rule has no id",
                "fields.yaml:13: unknown field 'qurey' in rule (allowed: category, context, examples, exclude, id, query, weight)",
                "fields.yaml:16: rule 'no-examples' has no examples: give at least one story under examples.match");
    }

    @Test
    void allowsUnknownCategoriesButNotBadlyFormedOnes() {
        var rules = """
                - id: grain
                  category: GRAIN_CORRIDOR
                  query: grain
                  examples: {match: [grain deal]}
                - id: bad
                  category: Grain corridor
                  query: grain
                  examples: {match: [grain deal]}
                """;

        assertThat(problems(new RuleFile("grain.yaml", rules))).containsExactly(
                "grain.yaml:6: rule 'bad': category 'Grain corridor' must be UPPER_SNAKE_CASE");
    }

    @Test
    void reportsDuplicateIdsAcrossFilesWithBothLocations() {
        var first = """
                - id: truce
                  category: CEASEFIRE
                  query: truce
                  examples: {match: [a truce]}
                """;
        var second = """
                # the same id again
                - id: truce
                  category: CEASEFIRE
                  query: ceasefire
                  examples: {match: [a ceasefire]}
                """;

        assertThat(problems(new RuleFile("a.yaml", first), new RuleFile("b.yaml", second))).containsExactly(
                "b.yaml:2: duplicate rule id 'truce' (first defined at a.yaml:1)");
    }

    @Test
    void reportsAnUnparseableQueryAtTheQuerysLine() {
        var rules = """
                - id: broken-query
                  category: CEASEFIRE

                  query: '"energy truce'
                  context: title:ukraine
                  examples: {match: [an energy truce]}
                """;

        assertThat(problems(new RuleFile("queries.yaml", rules))).satisfiesExactly(
                problem -> assertThat(problem).startsWith("queries.yaml:4: rule 'broken-query': query does not parse: "),
                problem -> assertThat(problem).isEqualTo("queries.yaml:5: rule 'broken-query': context applies to "
                        + "the whole story; remove the field prefix(es) [title]"));
    }

    @Test
    void reportsEveryFailingExampleAtItsLine() {
        var rules = """
                - id: truce
                  category: CEASEFIRE
                  query: truce
                  examples:
                    match:
                      - A truce was agreed.
                      - The ceasefire held overnight.
                    noMatch:
                      - The Easter truce was broken within hours.
                """;

        assertThat(problems(new RuleFile("examples.yaml", rules))).containsExactly(
                "examples.yaml:7: rule 'truce': example should match but does not: \"The ceasefire held overnight.\"",
                "examples.yaml:9: rule 'truce': example should not match but does: "
                        + "\"The Easter truce was broken within hours.\"");
    }

    @Test
    void rejectsTheWholeSetWhenOneFileIsInvalid() {
        var good = new RuleFile("good.yaml", GOOD);
        var bad = new RuleFile("bad.yaml", "- id: x\n  category: CEASEFIRE\n  query: truce\n  weight: 2\n"
                + "  examples: {match: [a truce]}\n");

        assertThat(problems(good, bad)).containsExactly(
                "bad.yaml:4: rule 'x': weight must be a number from 0 to 1, was '2'");
    }

    private List<String> problems(RuleFile... files) {
        var thrown = catchThrowableOfType(InvalidRuleSetException.class,
                () -> compiler.compile("test", List.of(files)));
        assertThat(thrown).as("the rule set should have been rejected").isNotNull();
        return thrown.problems().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void refusesAnEmptySet() {
        assertThatThrownBy(() -> compiler.compile("empty-dir", List.of()))
                .isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("no rules found in empty-dir");
    }
}
