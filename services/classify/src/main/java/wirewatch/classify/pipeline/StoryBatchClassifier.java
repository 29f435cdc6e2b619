package wirewatch.classify.pipeline;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.events.Story;

/**
 * Classifies one poll's stories inside the poll's Kafka transaction, which the listener container commits with the
 * consumed offsets once this returns: every alert and dead letter of the batch becomes visible together, exactly
 * once, and the broker round trips of a transaction are paid once per poll instead of once per story.
 *
 * <p>One bad story never costs its neighbours: a record that cannot be read, or whose classification throws, is
 * dead-lettered on its own in the same transaction and the batch goes on. Classification is deterministic for a
 * rule set, so retrying such a story would fail again. A failure to publish is another matter: it means the
 * producer or the broker is in trouble, so it is left to abort the whole transaction, and the after-rollback
 * processor re-reads the batch later rather than dead-lettering good stories.
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
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ClassifyMetrics metrics;
    private final ObservationRegistry observations;
    private final Tracer tracer;
    private final KafkaAdmin admin;

    StoryBatchClassifier(StoryClassifier classifier, AlertPublisher publisher,
            DeadLetterPublishingRecoverer deadLetters, ClassifyMetrics metrics, ObservationRegistry observations,
            Tracer tracer, KafkaAdmin admin) {
        this.classifier = classifier;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.observations = observations;
        this.tracer = tracer;
        this.admin = admin;
    }

    void classifyAll(List<ConsumerRecord<String, Story>> records) {
        records.forEach(record -> KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, LISTENER_ID, null, LISTENER_ID,
                                admin::clusterId),
                        observations)
                .observe(() -> classifyOne(record)));
    }

    private void classifyOne(ConsumerRecord<String, Story> record) {
        var unreadable = unreadable(record);
        if (unreadable.isPresent()) {
            deadLetter(record, unreadable.get());
            return;
        }
        var story = record.value();
        try (var ingestedAt = story.ingestedAt() == null ? BaggageInScope.NOOP
                : tracer.createBaggageInScope(INGESTED_AT, story.ingestedAt().toString())) {
            Optional<Alert> alert;
            try {
                alert = classifier.classify(story);
            } catch (RuntimeException classificationFailed) {
                deadLetter(record, classificationFailed);
                return;
            }
            alert.ifPresent(publisher::publish);
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

    private void deadLetter(ConsumerRecord<String, Story> record, Exception cause) {
        LOG.warn(cause, () -> "Dead-lettering the story at " + record.topic() + "-" + record.partition() + "@"
                + record.offset());
        deadLetters.accept(record, cause);
        metrics.failed();
    }
}
