package wirewatch.notify.subscription;

import java.util.Locale;

/** Only {@code ACTIVE} subscriptions receive alerts. */
public enum SubscriptionStatus {
    /** An email address that has not clicked its confirmation link yet. */
    PENDING,
    ACTIVE,
    /** Unsubscribed by its owner, or a webhook that answered 410 Gone or failed every delivery for too long. */
    DISABLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
