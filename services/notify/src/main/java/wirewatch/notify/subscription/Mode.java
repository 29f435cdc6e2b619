package wirewatch.notify.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a subscriber gets each alert as it comes or a periodic digest of them. */
public enum Mode {
    INSTANT, DIGEST;

    // Looked up for every subscription read (routing reads thousands per alert): made once.
    private final String id = name().toLowerCase(Locale.ROOT);

    public String id() {
        return id;
    }

    static Optional<Mode> fromId(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst();
    }
}
