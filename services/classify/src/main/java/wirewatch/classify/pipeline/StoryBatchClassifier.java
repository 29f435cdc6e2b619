package wirewatch.classify.pipeline;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.events.Story;

/**
 * Classifies one poll's stories and publishes their alerts, and returns only once every alert is stored: the listener
 * container commits the poll's offsets after this returns, so a story's offset is never committed before its alert.
 * A crash between the two re-reads the story; classifying it again gives the same alert id (see {@link
 * StoryClassifier#alertId}), which notify delivers once. Waiting once per poll for the alerts keeps the broker round
 * trips a poll's worth, not a story's.
 *
 * <p>One bad story never costs its neighbours: a record that cannot be read, or whose classification throws, is
 * handed to the container's error handler as the batch's failed record, once the alerts before it are stored; the
 * handler commits those, dead-letters the bad one and the container goes on from the next. Classification is
 * deterministic for a rule set, so such a story is not retried. A failure to publish is another matter: it means the
 * producer or the broker is in trouble, so it fails the whole batch, which the handler retries until Kafka is back
 * rather than dead-lettering good stories.
 *
 * <p>A batch listener gets no observation from the container, so each record gets its own here, continued from
 * the {@code traceparent} its producer wrote: the alert carries its own story's trace, not the poll's.
 */
@Component
class StoryBatchClassifier {

    static final String LISTENER_ID = "classify";

    /**
     * W3C baggage carrying the story's {@code ingestedAt} on to notify, whose end-to-end latency timer needs it: the
     * Alert event has no such field. Declared as a remote baggage field in application.yml.
     */
    static final String INGESTED_AT = "wirewatch-ingested-at";

    private static final LogAccessor LOG = new LogAccessor(StoryBatchClassifier.class);

    private final StoryClassifier classifier;
    private final AlertPublisher publisher;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final KafkaAdmin admin;

    StoryBatchClassifier(StoryClassifier classifier, AlertPublisher publisher,
            ObservationRegistry observations, Tracer tracer, KafkaAdmin admin) {
        this.classifier = classifier;
        this.publisher = publisher;
        this.observations = observations;
        this.tracer = tracer;
        this.admin = admin;
    }

    void classifyAll(List<ConsumerRecord<String, Story>> records) {
        var stored = new ArrayList<CompletableFuture<?>>(records.size());
        for (var record : records) {
            try {
                KafkaListenerObservation.LISTENER_OBSERVATION
                        .observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                                () -> new KafkaRecordReceiverContext(record, LISTENER_ID, null, LISTENER_ID,
                                        admin::clusterId),
                                observations)
                        .observe(() -> classifyOne(record, stored));
            } catch (UnclassifiableStoryException unclassifiable) {
                awaitStored(stored);
                throw new BatchListenerFailedException(unclassifiable.getMessage(), unclassifiable, record);
            }
        }
        awaitStored(stored);
    }

    private void classifyOne(ConsumerRecord<String, Story> record, List<CompletableFuture<?>> stored) {
        unreadable(record).ifPresent(failure -> {
            throw new UnclassifiableStoryException(record, failure);
        });
        var story = record.value();
        try (var ingestedAt = story.ingestedAt() == null ? BaggageInScope.NOOP
                : tracer.createBaggageInScope(INGESTED_AT, story.ingestedAt().toString())) {
            Optional<Alert> alert;
            try {
                alert = classifier.classify(story);
            } catch (RuntimeException classificationFailed) {
                throw new UnclassifiableStoryException(record, classificationFailed);
            }
            alert.ifPresent(it -> stored.add(publisher.publish(it)));
        }
    }

    /** Throws when an alert could not be stored, which fails the batch. */
    private void awaitStored(List<CompletableFuture<?>> stored) {
        if (!stored.isEmpty()) {
            publisher.flush();
            CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** The deserializers write failures to headers and leave the key or value null; a null value is no story either. */
    private static Optional<Exception> unreadable(ConsumerRecord<String, Story> record) {
        for (var header : List.of(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER,
                SerializationUtils.KEY_DESERIALIZER_EXCEPTION_HEADER)) {
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(record, header, LOG);
            if (failure != null) {
                return Optional.of(failure);
            }
        }
        return record.value() == null
                ? Optional.of(new IllegalArgumentException("The record has no value (a tombstone)"))
                : Optional.empty();
    }
}
