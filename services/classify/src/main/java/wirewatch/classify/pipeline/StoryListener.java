package wirewatch.classify.pipeline;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import wirewatch.events.Story;
import wirewatch.events.Topics;

@Component
class StoryListener {

    /**
     * W3C baggage carrying the story's {@code ingestedAt} on to notify, whose end-to-end latency timer needs it: the
     * Alert event has no such field. Declared as a remote baggage field in application.yml.
     */
    static final String INGESTED_AT = "wirewatch-ingested-at";

    private final StoryClassifier classifier;
    private final Tracer tracer;

    StoryListener(StoryClassifier classifier, Tracer tracer) {
        this.classifier = classifier;
        this.tracer = tracer;
    }

    @KafkaListener(id = "classify", topics = Topics.STORIES)
    void onStory(Story story) {
        try (var ingestedAt = story.ingestedAt() == null ? BaggageInScope.NOOP
                : tracer.createBaggageInScope(INGESTED_AT, story.ingestedAt().toString())) {
            classifier.classifyAndAlert(story);
        }
    }
}
