package wirewatch.classify.pipeline;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Topics;

@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    private static final LogAccessor LOG = new LogAccessor(PipelineConfiguration.class);

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

    @Bean
    DeadLetterPublishingRecoverer storyDeadLetters(KafkaTemplate<Object, Object> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.STORIES_DEAD_LETTER, -1));
    }

    /**
     * The listener's one error handler. A story the batch classifier reports as unclassifiable (unreadable, or its
     * classification threw) is dead-lettered at once, alone: the alerts before it are already stored, so their
     * offsets are committed, and the container goes on after it. The dead letter is acknowledged before its offset
     * is committed. Anything else failing a batch is a producer or broker failure: the whole batch is retried every
     * second until Kafka is back, never dead-lettered.
     */
    @Bean
    DefaultErrorHandler storyErrorHandler(DeadLetterPublishingRecoverer deadLetters, ClassifyMetrics metrics,
            Tracer tracer, Propagator propagator) {
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            LOG.warn(exception, () -> "Dead-lettering the story at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset());
            inTraceOf(record, tracer, propagator, () -> deadLetters.accept(record, consumer, exception));
            metrics.failed();
        };
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(1_000, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.addNotRetryableExceptions(UnclassifiableStoryException.class);
        return handler;
    }

    /**
     * The error handler runs outside the story's observation (a batch listener's stories get theirs from the
     * classifier), so without this the dead letter would start a trace of its own: it is sent in a span continued
     * from the {@code traceparent} the story's producer wrote, and someone looking at it finds the story's trace.
     */
    private static void inTraceOf(ConsumerRecord<?, ?> record, Tracer tracer, Propagator propagator, Runnable work) {
        var span = propagator.extract(record.headers(), PipelineConfiguration::lastHeader)
                .name("classify dead-letter")
                .start();
        try (var inStorysTrace = tracer.withSpan(span)) {
            work.run();
        } finally {
            span.end();
        }
    }

    private static String lastHeader(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
}
