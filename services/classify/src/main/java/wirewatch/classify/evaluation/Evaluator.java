package wirewatch.classify.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import wirewatch.classify.classifier.Classification;
import wirewatch.classify.classifier.Classification.RuleMatch;
import wirewatch.classify.classifier.CompiledRuleSet;
import wirewatch.classify.evaluation.Evaluation.FalseNegative;
import wirewatch.classify.evaluation.Evaluation.FalsePositive;
import wirewatch.classify.evaluation.Evaluation.RuleFailure;
import wirewatch.classify.evaluation.Evaluation.StanceMismatch;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.Rule;

/**
 * Classifies every story of a corpus with a compiled rule set, through the same {@link CompiledRuleSet#classify}
 * the service calls for each consumed story, and compares the categories with the labels.
 *
 * <p>Scoring is per story and category: several rules of one category matching one story count once. A category
 * matched by several rules takes the stance of its most confident match (the first rule id on a tie), as the
 * one a reader of the alert would notice first.
 */
public final class Evaluator {

    private static final Comparator<RuleMatch> MOST_CONFIDENT_FIRST =
            Comparator.comparingDouble(RuleMatch::confidence).reversed().thenComparing(RuleMatch::ruleId);

    public Evaluation evaluate(CompiledRuleSet rules, String corpusName, List<LabelledStory> corpus) {
        var ruleCategories = rules.ruleSet().rules().stream().map(Rule::category)
                .collect(Collectors.toCollection(TreeSet::new));
        var counts = new TreeMap<String, Counts>();
        ruleCategories.forEach(category -> counts.put(category, new Counts()));
        var falsePositives = new ArrayList<FalsePositive>();
        var falseNegatives = new ArrayList<FalseNegative>();
        var mismatches = new ArrayList<StanceMismatch>();
        var failures = new ArrayList<RuleFailure>();
        var sorted = corpus.stream().sorted(Comparator.comparing(LabelledStory::id)).toList();
        for (LabelledStory story : sorted) {
            var classification = rules.classify(new StoryText(story.title(), story.body()));
            classification.errors().forEach(error ->
                    failures.add(new RuleFailure(story.id(), error.ruleId(), error.message())));
            var matchesByCategory = byCategory(classification);
            var categories = new TreeSet<>(story.labels());
            categories.addAll(matchesByCategory.keySet());
            for (String category : categories) {
                var score = counts.computeIfAbsent(category, ignored -> new Counts());
                boolean labelled = story.labels().contains(category);
                var matches = matchesByCategory.getOrDefault(category, List.of());
                if (labelled && !matches.isEmpty()) {
                    score.truePositives++;
                    var expected = story.stances().get(category);
                    if (expected != null) {
                        score.stanceLabelled++;
                        var counted = matches.stream().min(MOST_CONFIDENT_FIRST).orElseThrow();
                        if (counted.stance() == expected) {
                            score.stanceCorrect++;
                        } else {
                            mismatches.add(new StanceMismatch(story.id(), category, expected, counted));
                        }
                    }
                } else if (labelled) {
                    score.falseNegatives++;
                    falseNegatives.add(new FalseNegative(story.id(), category, story.title(),
                            List.copyOf(matchesByCategory.keySet())));
                } else {
                    score.falsePositives++;
                    falsePositives.add(new FalsePositive(story.id(), category, story.title(), matches));
                }
            }
        }
        var scores = new ArrayList<CategoryScore>();
        var unscored = new ArrayList<String>();
        var stances = new ArrayList<StanceScore>();
        counts.forEach((category, count) -> {
            var score = new CategoryScore(category, count.truePositives, count.falsePositives, count.falseNegatives);
            if (score.scored()) {
                scores.add(score);
            } else {
                unscored.add(category);
            }
            if (count.stanceLabelled > 0) {
                stances.add(new StanceScore(category, count.stanceCorrect, count.stanceLabelled));
            }
        });
        int negatives = (int) corpus.stream().filter(story -> story.labels().isEmpty()).count();
        return new Evaluation(rules.ruleSet().origin(), rules.version(), rules.ruleSet().rules().size(), corpusName,
                corpus.size(), negatives, scores, unscored, falsePositives, falseNegatives, stances, mismatches,
                failures);
    }

    private static Map<String, List<RuleMatch>> byCategory(Classification classification) {
        return classification.matches().stream()
                .collect(Collectors.groupingBy(RuleMatch::category, TreeMap::new, Collectors.toList()));
    }

    private static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;
        int stanceLabelled;
        int stanceCorrect;
    }
}
