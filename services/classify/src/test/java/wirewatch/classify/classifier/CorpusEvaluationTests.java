package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.classify.matching.StoryText;

/**
 * Scores the default pack on the tuning part of the labelled corpus ({@code corpus/dev.jsonl}) and prints the
 * per-category table, so a rule change shows at once whether it helps. The held-out part is deliberately not
 * read here: it is measured rarely, by hand, and never tuned on (see {@code corpus/README.md}).
 */
class CorpusEvaluationTests {

    private static final Path CORPUS = Path.of("corpus");

    @Test
    void defaultPackClearsTheCommittedThresholdOnTheDevCorpus() throws IOException {
        var stories = read(CORPUS.resolve("dev.jsonl"));
        var scores = new Scores();
        for (JsonNode story : stories) {
            var classification = DefaultPack.RULES.classify(
                    new StoryText(story.path("title").asString(""), story.path("body").asString("")));
            scores.add(story, classification);
        }
        System.out.println(scores.table());

        var threshold = threshold();
        assertThat(stories).hasSizeGreaterThanOrEqualTo(150);
        assertThat(scores.macroF1()).isGreaterThanOrEqualTo(Double.parseDouble(threshold.getProperty("macroF1")));
        assertThat(scores.f1ByCategory()).allSatisfy((category, f1) -> assertThat(f1).as(category)
                .isGreaterThanOrEqualTo(Double.parseDouble(threshold.getProperty("minCategoryF1"))));
    }

    private static List<JsonNode> read(Path file) throws IOException {
        var mapper = JsonMapper.builder().build();
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .map(mapper::readTree)
                .toList();
    }

    private static Properties threshold() throws IOException {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("threshold.properties"))) {
            properties.load(in);
        }
        return properties;
    }

    /** Counts per category over all eight categories of the design, labelled or predicted. */
    private static final class Scores {

        private static final Set<String> CATEGORIES = Set.of("NATO_NON_ENLARGEMENT", "NEUTRALITY",
                "SANCTIONS_RELIEF", "FROZEN_ASSETS", "RUSSIAN_SPEAKERS", "TERRITORY", "SECURITY_GUARANTEES",
                "CEASEFIRE");

        private final Map<String, int[]> counts = new TreeMap<>();
        private final Set<String> misses = new TreeSet<>();
        private int stancesRight;
        private int stancesJudged;

        void add(JsonNode story, Classification classification) {
            var labelled = new HashSet<String>();
            story.path("labels").forEach(label -> labelled.add(label.asString()));
            var predicted = new HashSet<>(classification.categories());
            for (String category : CATEGORIES) {
                int[] c = counts.computeIfAbsent(category, key -> new int[3]);
                boolean expected = labelled.contains(category);
                boolean found = predicted.contains(category);
                if (expected && found) {
                    c[0]++;
                    judgeStance(story, category, classification);
                } else if (found) {
                    c[1]++;
                    misses.add("FP " + category + " " + story.path("id").asString());
                } else if (expected) {
                    c[2]++;
                    misses.add("FN " + category + " " + story.path("id").asString());
                }
            }
        }

        private void judgeStance(JsonNode story, String category, Classification classification) {
            var expected = story.path("stance").path(category).asString("");
            if (expected.isEmpty()) {
                return;
            }
            stancesJudged++;
            boolean right = classification.matches().stream()
                    .filter(match -> match.category().equals(category))
                    .anyMatch(match -> match.stance().name().equals(expected));
            if (right) {
                stancesRight++;
            }
        }

        Map<String, Double> f1ByCategory() {
            var f1 = new TreeMap<String, Double>();
            counts.forEach((category, c) -> f1.put(category, f1(c)));
            return f1;
        }

        double macroF1() {
            return f1ByCategory().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        String table() {
            var out = new StringBuilder(String.format("%-22s %5s %5s %5s %4s %4s %4s%n",
                    "category", "P", "R", "F1", "TP", "FP", "FN"));
            counts.forEach((category, c) -> out.append(String.format("%-22s %5.3f %5.3f %5.3f %4d %4d %4d%n",
                    category, ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), f1(c), c[0], c[1], c[2])));
            misses.forEach(miss -> out.append(miss).append('\n'));
            out.append(String.format("stance accuracy: %.3f (%d/%d)%n", ratio(stancesRight, stancesJudged),
                    stancesRight, stancesJudged));
            return out.append(String.format("macro-F1: %.3f", macroF1())).toString();
        }

        private static double f1(int[] c) {
            return ratio(2 * c[0], 2 * c[0] + c[1] + c[2]);
        }

        private static double ratio(int numerator, int denominator) {
            return denominator == 0 ? 1.0 : (double) numerator / denominator;
        }
    }
}
