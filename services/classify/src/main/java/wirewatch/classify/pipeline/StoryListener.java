package wirewatch.classify.pipeline;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import wirewatch.events.Story;
import wirewatch.events.Topics;

@Component
class StoryListener {

    private final StoryClassifier classifier;

    StoryListener(StoryClassifier classifier) {
        this.classifier = classifier;
    }

    @KafkaListener(id = "classify", topics = Topics.STORIES)
    void onStory(Story story) {
        classifier.classifyAndAlert(story);
    }
}
