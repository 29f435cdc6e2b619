package wirewatch.notify.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import wirewatch.events.Topics;

/** Naming of notify's own delivery topics (the names themselves are in {@link Topics}). */
final class DeliveryTopics {

    /** Deliveries that failed their last attempt, as {@link wirewatch.notify.delivery.DeadLetter} JSON. */
    static final String DEAD_LETTER = Topics.DELIVERIES_DEAD_LETTER;

    static final String REPLAY = Topics.DELIVERIES_REPLAY;

    static final String RETRY_PREFIX = Topics.DELIVERIES_RETRY_PREFIX;

    /**
     * Every retry tier ever configured, not just today's: a record left in a tier that a configuration change
     * removed is still attempted.
     */
    static final String PATTERN = "notify\\.deliveries\\.(retry\\..+|replay)";

    private DeliveryTopics() {
    }

    static String retry(Duration delay) {
        return RETRY_PREFIX + label(delay);
    }

    static List<String> waitingTopics(List<Duration> delays) {
        return Stream.concat(delays.stream().map(DeliveryTopics::retry), Stream.of(REPLAY)).toList();
    }

    /** The shortest exact unit: 30s, 2m, 8h, 1d, or 250ms for test delays. */
    static String label(Duration delay) {
        var millis = delay.toMillis();
        if (millis % Duration.ofDays(1).toMillis() == 0) {
            return delay.toDays() + "d";
        }
        if (millis % Duration.ofHours(1).toMillis() == 0) {
            return delay.toHours() + "h";
        }
        if (millis % Duration.ofMinutes(1).toMillis() == 0) {
            return delay.toMinutes() + "m";
        }
        if (millis % 1000 == 0) {
            return delay.toSeconds() + "s";
        }
        return millis + "ms";
    }
}
