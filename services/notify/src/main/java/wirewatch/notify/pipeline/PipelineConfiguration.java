package wirewatch.notify.pipeline;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PipelineConfiguration.class);

    @Bean
    NewTopic alertsDeadLetterTopic(PipelineProperties pipeline) {
        return TopicBuilder.name(Topics.ALERTS_DEAD_LETTER).partitions(pipeline.partitions()).build();
    }

    /**
     * Unreadable alerts go here at once, sent by {@link AlertBatchDispatcher} while their neighbours are dispatched;
     * alerts whose dispatch keeps failing, from the error handler after its back-off.
     */
    @Bean
    DeadLetterPublishingRecoverer alertDeadLetters(KafkaTemplate<Object, Object> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.ALERTS_DEAD_LETTER, -1));
    }

    /**
     * An alert whose dispatch failed (the database or Kafka: a receiver's failure is recorded on its delivery) is
     * named by the batch's {@link org.springframework.kafka.listener.BatchListenerFailedException}: the records
     * before it are committed, and it and those after it are read again after the back-off; once the retries are
     * spent it goes to the dead-letter topic and the partition moves on.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(DeadLetterPublishingRecoverer alertDeadLetters,
                                                 PipelineProperties pipeline) {
        return new DefaultErrorHandler((record, exception) -> {
            log.error("Alert record {}-{}@{} goes to {}", record.topic(), record.partition(), record.offset(),
                    Topics.ALERTS_DEAD_LETTER, exception);
            alertDeadLetters.accept(record, exception);
        }, new FixedBackOff(pipeline.retryBackoff().toMillis(), pipeline.retries()));
    }

    /**
     * The container would time each poll's batch under {@code spring.kafka.listener}, the name of the per-alert
     * observations {@link AlertBatchDispatcher} opens, with other tags; a registry keeps only the first of two such
     * meters, so the per-alert timer would be lost. The retry listener handles records one by one and keeps its own.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> noAlertBatchTimer() {
        return container -> {
            if (AlertBatchDispatcher.LISTENER_ID.equals(container.getListenerId())) {
                container.getContainerProperties().setMicrometerEnabled(false);
            }
        };
    }

    /**
     * Dead letters are written as the bytes that arrived when the record could not be read (an operator wants
     * to see exactly what the producer sent), and as plain JSON without type headers otherwise.
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
}
