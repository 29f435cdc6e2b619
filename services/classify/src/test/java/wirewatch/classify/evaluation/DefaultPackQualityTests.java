package wirewatch.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import wirewatch.classify.classifier.RuleSetCompiler;
import wirewatch.classify.rules.RuleSources;

/**
 * The build gate of the default rule pack: its scores on the held-out corpus, which rules are never tuned on, must
 * stay at or above the committed thresholds. A rule change that costs quality fails the build with the whole
 * report, false positives and negatives included, in the failure message. (A rule whose own examples fail already
 * fails the build earlier: the pack then does not compile, here or in {@code DefaultRulePackTests}.)
 */
class DefaultPackQualityTests {

    /** Maven runs tests in the module directory. */
    private static final Path CORPUS = Path.of("corpus");
    private static final Path HELDOUT = CORPUS.resolve("heldout.jsonl");
    private static final Path THRESHOLDS = CORPUS.resolve("threshold.properties");

    @Test
    void defaultPackMeetsTheCommittedThresholdsOnTheHeldOutCorpus() throws IOException {
        var thresholds = thresholds();
        double macroF1 = threshold(thresholds, "macroF1");
        double minCategoryF1 = threshold(thresholds, "minCategoryF1");
        assertThat(macroF1).as("the committed macro-F1 threshold may not drop below 0.90").isGreaterThanOrEqualTo(0.90);
        assumeTrue(Files.exists(HELDOUT), "no held-out corpus at " + HELDOUT.toAbsolutePath() + " yet");

        var corpus = new CorpusReader().read(HELDOUT);
        try (var rules = new RuleSetCompiler(Clock.systemUTC()).compile("classpath:rules/", RuleSources.defaultPack())) {
            var evaluation = new Evaluator().evaluate(rules, HELDOUT.toString(), corpus);
            var report = EvaluationReport.render(evaluation);

            assertThat(evaluation.macroF1())
                    .as("macro-F1 of the default pack on %s must be at least %s:%n%s", HELDOUT, macroF1, report)
                    .isGreaterThanOrEqualTo(macroF1);
            assertThat(evaluation.categories())
                    .as("every category's F1 must be at least %s:%n%s", minCategoryF1, report)
                    .allSatisfy(score -> assertThat(score.f1()).as(score.category())
                            .isGreaterThanOrEqualTo(minCategoryF1));
        }
    }

    private static Properties thresholds() throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(THRESHOLDS, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static double threshold(Properties thresholds, String name) {
        var value = thresholds.getProperty(name);
        assertThat(value).as("%s must set %s", THRESHOLDS, name).isNotBlank();
        return Double.parseDouble(value.strip());
    }
}
