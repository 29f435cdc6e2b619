package wirewatch.notify.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a subscription is reached. */
public enum Channel {
    WEBHOOK, EMAIL;

    // Asked for several times per delivery (metrics, the ledger) and per subscription read: made once.
    private final String id = name().toLowerCase(Locale.ROOT);

    /** The lower-case name the API and the database use. */
    public String id() {
        return id;
    }

    static Optional<Channel> fromId(String id) {
        return Arrays.stream(values()).filter(channel -> channel.id().equals(id)).findFirst();
    }
}
