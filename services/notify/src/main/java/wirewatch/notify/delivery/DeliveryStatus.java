package wirewatch.notify.delivery;

import java.util.Locale;

public enum DeliveryStatus {
    /** Recorded, not yet sent successfully: a crash between recording and sending leaves this. */
    PENDING,
    DELIVERED,
    /** The last attempt failed; a re-read of the alert tries again. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
