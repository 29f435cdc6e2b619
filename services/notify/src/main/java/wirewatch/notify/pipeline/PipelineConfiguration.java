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
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
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
     * Unreadable records (deserialization failures are never retried) go to the dead-letter topic at once;
     * records whose processing keeps failing go there after the back-off. Either way the partition moves on.
     */
    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template, PipelineProperties pipeline) {
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.ALERTS_DEAD_LETTER, -1));
        return new DefaultErrorHandler((record, exception) -> {
            log.error("Alert record {}-{}@{} goes to {}", record.topic(), record.partition(), record.offset(),
                    Topics.ALERTS_DEAD_LETTER, exception);
            deadLetters.accept(record, exception);
        }, new FixedBackOff(pipeline.retryBackoff().toMillis(), pipeline.retries()));
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
