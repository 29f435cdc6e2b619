package wirewatch.notify.subscription;

import java.net.URI;
import java.util.Optional;

/** Decides whether notify may call a webhook URL, e.g. to keep subscribers from aiming it at internal hosts. */
public interface TargetPolicy {

    /** Why {@code target} (an absolute http(s) URL) is refused, or empty when it may be called. */
    Optional<String> refusal(URI target);
}
