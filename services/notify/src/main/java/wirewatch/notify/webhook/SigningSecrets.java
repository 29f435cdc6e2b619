package wirewatch.notify.webhook;

import java.util.List;
import wirewatch.notify.subscription.Subscription;

/** The secrets a webhook is signed with, behind a port: tests of the HTTP side need no database. */
@FunctionalInterface
interface SigningSecrets {

    /** The only secret of a subscription never rotated. */
    SigningSecrets AS_CREATED = subscription -> List.of(subscription.secret());

    /** Every secret a delivery to {@code subscription} is signed with now, the newest first; never empty. */
    List<String> current(Subscription subscription);
}
