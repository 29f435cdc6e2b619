package wirewatch.classify.pipeline;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    NewTopic alertsTopic(TopicsProperties topics) {
        return TopicBuilder.name(Topics.ALERTS).partitions(topics.partitions()).build();
    }

    @Bean
    NewTopic storiesDeadLetterTopic(TopicsProperties topics) {
        return TopicBuilder.name(Topics.STORIES_DEAD_LETTER).partitions(topics.partitions()).build();
    }

    /**
     * Alerts are written as plain JSON without type headers, so any consumer can read them. Dead letters are
     * written as the bytes that arrived: a poison pill could not be read as a Story, so there is nothing to
     * re-serialize, and an operator wants to see exactly what the producer sent.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer valueSerializer(JsonMapper jsonMapper) {
        var json = new JacksonJsonSerializer<>(jsonMapper);
        json.setAddTypeInfo(false);
        Map<Class<?>, Serializer<?>> byType = Map.of(byte[].class, new ByteArraySerializer(), Object.class, json);
        var serializer = new DelegatingByTypeSerializer(byType, true);
        return factory -> setValueSerializer(factory, serializer);
    }

    @SuppressWarnings("unchecked") // the serializer accepts any value: it picks a delegate by the value's type
    private static <V> void setValueSerializer(DefaultKafkaProducerFactory<?, V> factory, Serializer<?> serializer) {
        factory.setValueSerializer((Serializer<V>) serializer);
    }

    /**
     * Unreadable stories and stories whose classification throws go here, sent by the batch classifier inside the
     * poll's transaction, so the dead letter and the skipped offset commit together.
     */
    @Bean
    DeadLetterPublishingRecoverer storyDeadLetters(KafkaTemplate<Object, Object> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.STORIES_DEAD_LETTER, -1));
    }

    /**
     * The container would time each poll's batch under {@code spring.kafka.listener}, the name of the per-story
     * observations {@link StoryBatchClassifier} opens, with other tags; a registry keeps only the first of two such
     * meters, so the per-story timer would be lost.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> noBatchTimer() {
        return container -> container.getContainerProperties().setMicrometerEnabled(false);
    }

    /**
     * What is left to roll a poll back is a failure of the producer or the broker (bad stories are dead-lettered in
     * the batch): the whole batch is re-read and retried every second until Kafka is back. A batch listener cannot
     * tell which record failed here, so nothing is dead-lettered at this point.
     */
    @Bean
    AfterRollbackProcessor<Object, Object> retryingAfterRollbackProcessor() {
        return new DefaultAfterRollbackProcessor<>(new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS));
    }
}
