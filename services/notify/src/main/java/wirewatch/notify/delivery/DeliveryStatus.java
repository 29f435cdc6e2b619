package wirewatch.notify.delivery;

import java.util.Locale;

public enum DeliveryStatus {
    /**
     * An attempt is claimed and under way since {@code lastAttemptAt}. One still pending after the claim timeout was
     * interrupted (its process died) and is attempted again under the same id.
     */
    PENDING,
    /** An attempt failed and the next one is scheduled on a retry topic (or a replay is on its way). */
    RETRYING,
    DELIVERED,
    /** Final until replayed: the last attempt failed (the delivery is dead-lettered) or the receiver is gone. */
    FAILED,
    /** Never sent: flood control found the subscription had this story cluster and category already. */
    SUPPRESSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
