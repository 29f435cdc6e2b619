package wirewatch.notify.pipeline;

import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertDispatcher;

/**
 * Dispatches the alerts of one poll: routes them and claims their deliveries together, in the order they were
 * written (one set of routing statements and one claim for the poll, however many alerts it holds), then starts
 * their first attempts, each story cluster's alerts on a virtual thread of its own, and returns once every attempt
 * has started: the container then commits the poll's offsets, and the attempts finish without holding the partition
 * (the deliveries are claimed in the ledger, which sees them through from there, a crash included). Reading one alert
 * at a time, a partition's throughput was one over the time an alert takes; waiting for the poll's first attempts, it
 * was one poll per slowest receiver; now a poll takes its routing and claim. The attempts in flight stay bounded by
 * the {@link AlertDispatcher}'s permits, which are the listener's back-pressure.
 *
 * <p>Routing the poll in order decides flood control and the hourly cap as reading one alert at a time did: a
 * copy of a story is suppressed by the first, and an hour's last place goes to the earlier alert. Only when routing
 * the poll together fails (the database refused one alert) is each alert routed on its own, on its cluster's
 * thread; copies of one cluster are then still routed in order, and routing's per-subscription locks keep the
 * flood keys and the hourly cap right, but which of two clusters takes an hour's last place is left to chance.
 *
 * <p>An unreadable record is dead-lettered on its own and its neighbours are dispatched. An alert whose dispatch
 * throws (the database or Kafka, not a receiver: receivers' failures are recorded on their deliveries) stops its
 * cluster there and fails the batch at the first such record: the records before it are committed, it and those
 * after it are read again after the back-off (the ledger sends nothing twice), and once the retries are spent it
 * is dead-lettered, as a record listener's alert was.
 *
 * <p>A batch listener gets no observation from the container, so each record gets its own here, continued from
 * the {@code traceparent} and {@code baggage} its producer wrote: each webhook carries its own story's trace, and
 * the end-to-end latency timer finds the story's {@code wirewatch-ingested-at}.
 */
@Component
class AlertBatchDispatcher {

    static final String LISTENER_ID = "notify";

    private static final LogAccessor LOG = new LogAccessor(AlertBatchDispatcher.class);

    private final AlertDispatcher dispatcher;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final ObservationRegistry observations;
    private final KafkaAdmin admin;

    AlertBatchDispatcher(AlertDispatcher dispatcher, DeadLetterPublishingRecoverer alertDeadLetters,
                         ObservationRegistry observations, KafkaAdmin admin) {
        this.dispatcher = dispatcher;
        this.deadLetters = alertDeadLetters;
        this.observations = observations;
        this.admin = admin;
    }

    void dispatchAll(List<ConsumerRecord<String, Alert>> records) {
        var routed = routeTogether(records);
        var failures = new ConcurrentSkipListMap<Integer, Throwable>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var cluster : byCluster(records)) {
                executor.execute(() -> dispatchInOrder(records, cluster, routed, failures));
            }
        }
        if (!failures.isEmpty()) {
            var first = failures.firstEntry();
            var record = records.get(first.getKey());
            throw new BatchListenerFailedException("Dispatching the alert at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + " failed", first.getValue(), record);
        }
    }

    /**
     * The poll's readable alerts routed and claimed together, by record index; empty when that failed, and each
     * alert is then routed on its own, so a failure that is one alert's (one the database refuses) stays its own
     * and its neighbours go out. Whatever the failed attempt had routed or claimed is found again then.
     */
    private Map<Integer, AlertDispatcher.Routed> routeTogether(List<ConsumerRecord<String, Alert>> records) {
        var indexes = new ArrayList<Integer>();
        for (int index = 0; index < records.size(); index++) {
            if (unreadable(records.get(index)).isEmpty()) {
                indexes.add(index);
            }
        }
        if (indexes.size() < 2) {
            return Map.of();
        }
        try {
            var routed = dispatcher.route(indexes.stream().map(index -> records.get(index).value()).toList());
            var byIndex = new HashMap<Integer, AlertDispatcher.Routed>();
            for (int at = 0; at < indexes.size(); at++) {
                byIndex.put(indexes.get(at), routed.get(at));
            }
            return byIndex;
        } catch (RuntimeException e) {
            LOG.warn(e, () -> "Routing a poll of " + indexes.size() + " alerts together failed; routing them one "
                    + "by one");
            return Map.of();
        }
    }

    /** The indexes of the records, grouped by story cluster in the order read; an unreadable record on its own. */
    private static Collection<List<Integer>> byCluster(List<ConsumerRecord<String, Alert>> records) {
        var clusters = new LinkedHashMap<String, List<Integer>>();
        for (int index = 0; index < records.size(); index++) {
            var alert = records.get(index).value();
            // As routing does: an alert from an outside producer may lack a cluster; its story is then one.
            var cluster = alert == null ? "unreadable:" + index
                    : "cluster:" + (alert.clusterId() == null ? alert.storyId() : alert.clusterId());
            clusters.computeIfAbsent(cluster, any -> new ArrayList<>()).add(index);
        }
        return clusters.values();
    }

    /** After a failure the rest of the cluster is left to be read again behind it, so its order holds. */
    private void dispatchInOrder(List<ConsumerRecord<String, Alert>> records, List<Integer> cluster,
                                 Map<Integer, AlertDispatcher.Routed> routed, Map<Integer, Throwable> failures) {
        for (int index : cluster) {
            try {
                observed(records.get(index), routed.get(index));
            } catch (RuntimeException | Error e) {
                failures.put(index, e);
                return;
            }
        }
    }

    private void observed(ConsumerRecord<String, Alert> record, AlertDispatcher.Routed routed) {
        KafkaListenerObservation.LISTENER_OBSERVATION
                .observation(null, DefaultKafkaListenerObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, LISTENER_ID, null, LISTENER_ID,
                                admin::clusterId),
                        observations)
                .observe(() -> dispatchOne(record, routed));
    }

    /**
     * Sends what {@code routed} claimed (a routed record was found readable already), or, when the poll was not
     * routed together, checks the record and routes and sends its alert alone.
     */
    private void dispatchOne(ConsumerRecord<String, Alert> record, AlertDispatcher.Routed routed) {
        if (routed != null) {
            dispatcher.send(routed);
            return;
        }
        var unreadable = unreadable(record);
        if (unreadable.isPresent()) {
            LOG.error(unreadable.get(), () -> "Alert record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " cannot be read; it goes to the dead-letter topic");
            deadLetters.accept(record, unreadable.get());
            return;
        }
        dispatcher.dispatch(record.value());
    }

    /** The deserializers write failures to headers and leave the key or value null; a null value is no alert either. */
    private static Optional<Exception> unreadable(ConsumerRecord<String, Alert> record) {
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
