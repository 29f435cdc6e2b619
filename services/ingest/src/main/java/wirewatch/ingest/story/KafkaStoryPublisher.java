package wirewatch.ingest.story;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import wirewatch.events.CloudEvents;
import wirewatch.events.Story;
import wirewatch.events.Topics;

/**
 * Publishes to {@link Topics#STORIES}, keyed by story id so every copy of a story lands on one partition,
 * and lets the caller wait for the broker's acknowledgement (the producer is idempotent with {@code acks=all}). The
 * {@code traceparent} header comes from the template's observation.
 */
@Component
class KafkaStoryPublisher implements StoryPublisher {

    static final String EVENT_SOURCE = "/wirewatch/ingest";

    private final KafkaTemplate<String, Story> kafka;
    private final StoriesProperties properties;

    KafkaStoryPublisher(KafkaTemplate<String, Story> kafka, StoriesProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    @Override
    public Acknowledgement send(Story story) {
        var headers = new RecordHeaders();
        CloudEvents.headers(story.id(), CloudEvents.STORY_TYPE, EVENT_SOURCE, story.ingestedAt())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        var record = new ProducerRecord<>(Topics.STORIES, null, story.ingestedAt().toEpochMilli(), story.id(),
                story, headers);
        var timeout = properties.publishTimeout();
        var deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<?> sent;
        try {
            // send() itself may block for up to max.block.ms while it fetches metadata; the producer
            // configuration keeps that no longer than the publish timeout.
            sent = kafka.send(record);
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            // The template reports a failing send() as its own KafkaException; the client's may also escape.
            throw new PublishFailedException("could not send story " + story.id() + " to Kafka", e);
        }
        return () -> {
            try {
                sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new PublishFailedException("Kafka refused story " + story.id(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishFailedException("Kafka did not acknowledge story " + story.id() + " within "
                        + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException("interrupted while publishing story " + story.id(), e);
            }
        };
    }
}
