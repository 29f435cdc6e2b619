package wirewatch.ingest.feed.poll;

import java.util.HashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import wirewatch.ingest.feed.FeedsProperties;

@Configuration(proxyBeanMethods = false)
class FeedPollingConfiguration {

    /**
     * The consumer behind {@link FeedOwnership}. Values are read as text: only whether a record is a
     * tombstone matters, so no record can fail to deserialise. The session timeout bounds how long a dead
     * instance's feeds go unpolled; heartbeats go at a third of it, as Kafka recommends. Offsets are not
     * committed because every assignment rereads its partitions from the beginning.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> feedOwnershipContainerFactory(KafkaProperties kafka,
            FeedsProperties feeds) {
        var properties = new HashMap<>(kafka.buildConsumerProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, feeds.groupId());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Math.toIntExact(feeds.sessionTimeout().toMillis()));
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Math.toIntExact(feeds.sessionTimeout().toMillis() / 3));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties));
        factory.getContainerProperties().setObservationEnabled(true);
        return factory;
    }
}
