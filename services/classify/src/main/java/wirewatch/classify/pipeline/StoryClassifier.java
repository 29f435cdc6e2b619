package wirewatch.classify.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.Classification;
import wirewatch.classify.matching.StoryText;
import wirewatch.events.Alert;
import wirewatch.events.Story;

/** Classifies a consumed story and publishes an alert when any rule matched; a story matching nothing is dropped. */
@Service
class StoryClassifier {

    private final ActiveRuleSet rules;
    private final AlertPublisher publisher;
    private final ClassifyMetrics metrics;
    private final Clock clock;

    StoryClassifier(ActiveRuleSet rules, AlertPublisher publisher, ClassifyMetrics metrics, Clock clock) {
        this.rules = rules;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    void classifyAndAlert(Story story) {
        var classification = metrics.time(() -> rules.classify(new StoryText(story.title(), story.body())));
        metrics.record(classification);
        if (classification.matched()) {
            publisher.publish(alertFor(story, classification));
        }
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
