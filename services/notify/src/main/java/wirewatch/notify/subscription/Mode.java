package wirewatch.notify.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Whether a subscriber gets each alert as it comes or a periodic digest of them. */
public enum Mode {
    INSTANT, DIGEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Mode> fromId(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst();
    }
}
