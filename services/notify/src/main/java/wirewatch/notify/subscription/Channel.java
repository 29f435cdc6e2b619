package wirewatch.notify.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a subscription is reached. */
public enum Channel {
    WEBHOOK, EMAIL;

    /** The lower-case name the API and the database use. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> fromId(String id) {
        return Arrays.stream(values()).filter(channel -> channel.id().equals(id)).findFirst();
    }
}
