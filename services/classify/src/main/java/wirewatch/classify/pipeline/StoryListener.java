package wirewatch.classify.pipeline;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import wirewatch.events.Story;
import wirewatch.events.Topics;

@Component
class StoryListener {

    private final StoryBatchClassifier classifier;

    StoryListener(StoryBatchClassifier classifier) {
        this.classifier = classifier;
    }

    /** A batch per poll, so a poll waits once for its alerts; records, so unreadable ones can be told apart. */
    @KafkaListener(id = StoryBatchClassifier.LISTENER_ID, topics = Topics.STORIES, batch = "true")
    void onStories(List<ConsumerRecord<String, Story>> records) {
        classifier.classifyAll(records);
    }
}
