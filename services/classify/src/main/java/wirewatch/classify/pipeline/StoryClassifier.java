package wirewatch.classify.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.Classification;
import wirewatch.classify.matching.StoryText;
import wirewatch.events.Alert;
import wirewatch.events.Story;

/** Classifies a consumed story: the alert to publish when any rule matched, none for a story matching nothing. */
@Service
class StoryClassifier {

    private final ActiveRuleSet rules;
    private final ClassifyMetrics metrics;
    private final Clock clock;

    StoryClassifier(ActiveRuleSet rules, ClassifyMetrics metrics, Clock clock) {
        this.rules = rules;
        this.metrics = metrics;
        this.clock = clock;
    }

    Optional<Alert> classify(Story story) {
        var classification = metrics.time(() -> rules.classify(new StoryText(story.title(), story.body())));
        metrics.record(classification);
        return classification.matched() ? Optional.of(alertFor(story, classification)) : Optional.empty();
    }

    private Alert alertFor(Story story, Classification classification) {
        var matches = classification.matches().stream()
                .map(match -> new Alert.Match(match.ruleId(), match.category(), match.confidence(),
                        match.evidence(), match.stance()))
                .toList();
        return new Alert(alertId(story.id(), classification.rulesetVersion()), story.id(), story.clusterId(),
                new Alert.StoryRef(story.title(), story.url(), story.source(), story.publishedAt()),
                classification.categories(), matches, classification.rulesetVersion(), clock.instant());
    }

    /**
     * Derived from the story and the rule-set version only, so a redelivered story (after a rebalance or a
     * retry) yields the same alert id and notify can de-duplicate, while a new rule set yields a new alert.
     */
    static String alertId(String storyId, String rulesetVersion) {
        return UUID.nameUUIDFromBytes((storyId + "\n" + rulesetVersion).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
