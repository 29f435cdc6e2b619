package wirewatch.notify.delivery;

import java.util.Locale;

public enum DeliveryStatus {
    /** Recorded, first attempt not finished: a crash between recording and sending leaves this. */
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
