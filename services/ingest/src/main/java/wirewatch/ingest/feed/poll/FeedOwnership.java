package wirewatch.ingest.feed.poll;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import wirewatch.events.Topics;

/**
 * The feeds this instance polls: those whose records sit on the partitions of {@code ingest.feeds.v1} that
 * the consumer group assigns it. Every instance is in the same group, so each partition, and with it each
 * feed, has exactly one owner; when an instance leaves or stops heartbeating, Kafka hands its partitions to
 * the others. On every assignment the partitions are read again from the beginning (the topic is compacted:
 * one record per feed) to rebuild the set, so offsets are never relied on.
 */
@Component
class FeedOwnership implements ConsumerSeekAware {

    private static final Logger log = LoggerFactory.getLogger(FeedOwnership.class);

    private final Map<Integer, Set<String>> feedsByPartition = new ConcurrentHashMap<>();

    // The group is wirewatch.ingest.feeds.group-id, set in the container factory, not this listener id.
    @KafkaListener(id = "feed-ownership", idIsGroup = false, topics = Topics.FEEDS,
            containerFactory = "feedOwnershipContainerFactory")
    void onFeedRecord(ConsumerRecord<String, String> record) {
        apply(record.partition(), record.key(), record.value() != null);
    }

    void apply(int partition, String feedId, boolean exists) {
        var feeds = feedsByPartition.get(partition);
        if (feedId == null || feeds == null) {
            return;
        }
        if (exists) {
            feeds.add(feedId);
        } else {
            feeds.remove(feedId);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        assignments.keySet().forEach(partition -> feedsByPartition.put(partition.partition(), ConcurrentHashMap.newKeySet()));
        log.info("Polling the feeds of partitions {} of {}", assignments.keySet().stream()
                .map(TopicPartition::partition).sorted().toList(), Topics.FEEDS);
        callback.seekToBeginning(assignments.keySet());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> feedsByPartition.remove(partition.partition()));
        if (!partitions.isEmpty()) {
            log.info("No longer polling the feeds of partitions {} of {}", partitions.stream()
                    .map(TopicPartition::partition).sorted().toList(), Topics.FEEDS);
        }
    }

    /** A snapshot of the ids of the feeds this instance owns now. */
    Set<String> ownedFeeds() {
        var owned = new HashSet<String>();
        feedsByPartition.values().forEach(owned::addAll);
        return owned;
    }
}
