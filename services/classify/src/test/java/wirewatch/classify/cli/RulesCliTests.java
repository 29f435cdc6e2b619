package wirewatch.classify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import wirewatch.classify.evaluation.TinyCorpus;

/** Runs the command line in-process, as {@code ClassifyApplication.main} does, with captured output. */
class RulesCliTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path directory;

    @Test
    void checkAcceptsAValidDirectoryAndPrintsItsVersion() throws IOException {
        Files.writeString(directory.resolve("truce.yaml"), """
                - id: truce
                  category: CEASEFIRE
                  query: truce
                  examples:
                    match: [Kyiv agreed a truce.]
                    noMatch: [The fighting went on.]
                """);
        Files.createDirectory(directory.resolve("more"));
        Files.writeString(directory.resolve("more/sanctions.yml"), """
                - id: lift-sanctions
                  category: SANCTIONS_RELIEF
                  query: '"lift sanctions"~3'
                  examples:
                    match: [Moscow wants the West to lift sanctions.]
                - id: ease-sanctions
                  category: SANCTIONS_RELIEF
                  query: '"ease sanctions"~3'
                  examples:
                    match: [Washington may ease some sanctions.]
                """);
        Files.writeString(directory.resolve("notes.txt"), "not a rule file");

        int exit = run("check", directory.toString());

        assertThat(exit).isZero();
        assertThat(stdout()).matches("3 rules in 2 files OK, version sha256:[0-9a-f]{64}\n");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void checkPrintsEveryProblemAtItsFileAndLineAndFails() throws IOException {
        Files.writeString(directory.resolve("bad.yaml"), """
                - id: heavy
                  category: CEASEFIRE
                  query: truce
                  weight: 2
                  examples: {match: [a truce]}
                - id: narrow
                  category: CEASEFIRE
                  query: truce
                  examples:
                    match:
                      - a ceasefire
                """);
        Files.writeString(directory.resolve("good.yaml"), """
                - id: ok
                  category: CEASEFIRE
                  query: armistice
                  examples: {match: [an armistice]}
                """);

        int exit = run("check", directory.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEqualTo(
                directory.resolve("bad.yaml") + ":4: rule 'heavy': weight must be a number from 0 to 1, was '2'\n"
                        + directory.resolve("bad.yaml") + ":11: rule 'narrow': example should match but does not: "
                        + "\"a ceasefire\"\n"
                        + "2 problem(s) in " + directory + ": the rule set would be rejected\n");
    }

    @Test
    void checkFailsOnADirectoryWithoutRuleFiles() {
        assertThat(run("check", directory.toString())).isEqualTo(1);
        assertThat(stdout()).isEqualTo(directory + ": no rule files (*.yaml, *.yml)\n");
    }

    @Test
    void checkPassesOnTheDefaultPackSources() {
        assertThat(run("check", "src/main/resources/rules")).isZero();
        assertThat(stdout()).matches("\\d+ rules in \\d+ files OK, version sha256:[0-9a-f]{64}\n");
    }

    @Test
    void evalPrintsTheHandWorkedReportOfTheTinyCorpus() {
        int exit = run("eval", "--rules", TinyCorpus.rules().toString(), "--corpus", TinyCorpus.corpus().toString());

        assertThat(exit).isZero();
        assertThat(stderr()).isEmpty();
        var lines = stdout().lines().toList();
        assertThat(lines.getFirst()).matches("rules   .*evaluation/rules \\(4 rules, sha256:[0-9a-f]{64}\\)");
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "corpus  " + TinyCorpus.corpus() + " (9 stories, 3 without labels)",
                "",
                "category          TP  FP  FN  precision  recall     F1  support",
                "CEASEFIRE          2   1   1      0.667   0.667  0.667        3",
                "GRAIN_CORRIDOR     0   0   1          -   0.000  0.000        1",
                "SANCTIONS_RELIEF   1   0   1      1.000   0.500  0.667        2",
                "TERRITORY          0   2   0      0.000       -  0.000        0",
                "micro              3   3   3      0.500   0.500  0.500        6",
                "macro                             0.417   0.292  0.333",
                "not scored (no labels, no matches): NEUTRALITY",
                "",
                "False positives (3): matched, not labelled",
                "  s03  CEASEFIRE  \"Caucasus calm holds\"",
                "      truce: \"A truce between Armenia and Azerbaijan held, while in Ukraine the fighting went on.\"",
                "  s06  TERRITORY  \"Banks\"",
                "      crimea: \"Russia wants an end to the restrictions on its banks, officials in Crimea said.\"",
                "  s07  TERRITORY  \"Summer season\"",
                "      crimea: \"Tourists returned to the beaches of Crimea this summer.\"",
                "",
                "False negatives (3): labelled, no rule of the category matched",
                "  s04  CEASEFIRE  \"Talks in Istanbul\"",
                "      the story matched no rule at all",
                "  s06  SANCTIONS_RELIEF  \"Banks\"",
                "      the story matched only TERRITORY",
                "  s08  GRAIN_CORRIDOR  \"Grain corridor reopens\"",
                "      the story matched no rule at all",
                "",
                "Stance accuracy over true positives with a stance label: 2/3 = 0.667",
                "  CEASEFIRE         1/2 = 0.500",
                "  SANCTIONS_RELIEF  1/1 = 1.000",
                "Stance mismatches (1)",
                "  s02  CEASEFIRE  expected PROPOSED, got DEMANDED from truce: "
                        + "\"Zelensky called for a full ceasefire in Ukraine.\"",
                "",
                "macro-F1: 0.333");
    }

    @Test
    void evalIsDeterministic() {
        var arguments = new String[] {"eval", "--rules=" + TinyCorpus.rules(), "--corpus=" + TinyCorpus.corpus()};
        run(arguments);
        var first = stdout();
        out.reset();

        run(arguments);

        assertThat(stdout()).isEqualTo(first);
    }

    @Test
    void evalUsesTheBundledPackByDefaultAndEndsWithMacroF1() {
        int exit = run("eval", "--corpus", TinyCorpus.corpus().toString());

        assertThat(exit).isZero();
        assertThat(stdout()).startsWith("rules   classpath:rules/ (");
        assertThat(stdout().lines().toList().getLast()).matches("macro-F1: [01]\\.\\d{3}");
    }

    @Test
    void evalFailsBelowTheThresholdAndPassesAtIt() {
        var rules = TinyCorpus.rules().toString();
        var corpus = TinyCorpus.corpus().toString();

        assertThat(run("eval", "--rules", rules, "--corpus", corpus, "--threshold", "0.34")).isEqualTo(1);
        assertThat(stdout().lines().toList().getLast()).isEqualTo("macro-F1: 0.333");
        assertThat(stderr()).isEqualTo("macro-F1 0.3333 is below the threshold 0.3400\n");
        out.reset();
        err.reset();

        assertThat(run("eval", "--rules", rules, "--corpus", corpus, "--threshold", "0.333")).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void evalRefusesAMalformedCorpusNamingTheLineAndPrintsNoScores() throws IOException {
        var corpus = directory.resolve("corpus.jsonl");
        Files.writeString(corpus, """
                {"id": "a", "title": "Kyiv agreed a truce", "labels": ["CEASEFIRE"]}
                {"id": "b", "title": "Missing bracket", "labels": ["CEASEFIRE"}
                """);

        int exit = run("eval", "--rules", TinyCorpus.rules().toString(), "--corpus", corpus.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("error: " + corpus + ":2: not valid JSON: ");
    }

    @Test
    void evalRefusesAnInvalidRuleSetWithItsProblems() throws IOException {
        Files.writeString(directory.resolve("bad.yaml"), "- id: x\n  category: CEASEFIRE\n  query: truce\n"
                + "  examples: {match: [a ceasefire]}\n");

        int exit = run("eval", "--rules", directory.toString(), "--corpus", TinyCorpus.corpus().toString());

        assertThat(exit).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).isEqualTo(directory.resolve("bad.yaml")
                + ":4: rule 'x': example should match but does not: \"a ceasefire\"\n"
                + "error: the rule set is invalid; fix the problems above\n");
    }

    @Test
    void printsUsageOnHelp() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).startsWith("Usage:\n  java -jar classify.jar rules check <dir>\n");
        out.reset();

        assertThat(run("eval", "--help")).isZero();
        assertThat(stdout()).contains("--threshold <0..1>");
    }

    @Test
    void answersUsageErrorsWithExitTwoAndTheUsage() {
        assertUsageError(List.of(), "error: missing command: check or eval");
        assertUsageError(List.of("verify"), "error: unknown command 'verify': use check or eval");
        assertUsageError(List.of("check"), "error: check takes exactly one argument, the rule directory");
        assertUsageError(List.of("check", directory.resolve("absent").toString()),
                "error: no rule directory at " + directory.resolve("absent"));
        assertUsageError(List.of("eval"), "error: eval needs --corpus <file.jsonl>");
        assertUsageError(List.of("eval", "--corpus"), "error: --corpus needs a value");
        assertUsageError(List.of("eval", "--corpus", "a.jsonl", "--corpus", "b.jsonl"),
                "error: --corpus is given twice");
        assertUsageError(List.of("eval", "--corpus", "a.jsonl", "--threshold", "90"),
                "error: --threshold must be a number from 0 to 1, was '90'");
        assertUsageError(List.of("eval", "--corpus", "a.jsonl", "--verbose"),
                "error: unknown argument '--verbose' for eval");
    }

    @Test
    void namesAMissingCorpusFile() {
        var missing = directory.resolve("missing.jsonl");

        assertThat(run("eval", "--corpus", missing.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("error: no corpus file at " + missing + "\n");
    }

    private void assertUsageError(List<String> args, String message) {
        out.reset();
        err.reset();
        assertThat(RulesCli.run(args, print(out), print(err))).as(args.toString()).isEqualTo(2);
        assertThat(stderr()).as(args.toString()).startsWith(message + "\n\nUsage:\n");
        assertThat(stdout()).as(args.toString()).isEmpty();
    }

    private int run(String... args) {
        return RulesCli.run(List.of(args), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
