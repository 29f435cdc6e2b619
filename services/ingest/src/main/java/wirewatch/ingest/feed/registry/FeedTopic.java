package wirewatch.ingest.feed.registry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import wirewatch.events.CloudEvents;
import wirewatch.events.Topics;
import wirewatch.ingest.story.StoriesProperties;

/** Writes feed records and tombstones to {@link Topics#FEEDS} and waits for the broker's acknowledgement. */
@Component
class FeedTopic {

    static final String FEED_TYPE = "wirewatch.feed.v1";
    private static final String EVENT_SOURCE = "/wirewatch/ingest";

    private final KafkaTemplate<String, FeedRecord> kafka;
    private final StoriesProperties stories;
    private final Clock clock;

    FeedTopic(KafkaTemplate<String, FeedRecord> kafka, StoriesProperties stories, Clock clock) {
        this.kafka = kafka;
        this.stories = stories;
        this.clock = clock;
    }

    void announce(Feed feed) {
        send(feed.id(), FeedRecord.of(feed));
    }

    void retract(String id) {
        send(id, null);
    }

    private void send(String id, FeedRecord value) {
        var now = clock.instant();
        var headers = new RecordHeaders();
        CloudEvents.headers(id + "@" + now.toEpochMilli(), FEED_TYPE, EVENT_SOURCE, now)
                .forEach((name, text) -> headers.add(name, text.getBytes(StandardCharsets.UTF_8)));
        var record = new ProducerRecord<>(Topics.FEEDS, null, now.toEpochMilli(), id, value, headers);
        var timeout = stories.publishTimeout();
        try {
            kafka.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new FeedTopicUnavailableException("Kafka refused the record of feed " + id, e.getCause());
        } catch (TimeoutException e) {
            throw new FeedTopicUnavailableException("Kafka did not acknowledge feed " + id + " within " + timeout, e);
        } catch (KafkaException | org.springframework.kafka.KafkaException e) {
            throw new FeedTopicUnavailableException("could not send feed " + id + " to Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedTopicUnavailableException("interrupted while sending feed " + id, e);
        }
    }
}
