package wirewatch.notify.webhook;

import java.net.UnknownHostException;

/**
 * A webhook host that resolved to an internal address at connect time. It is an {@link UnknownHostException}
 * only because that is what the HTTP client lets a {@code DnsResolver} throw: to the client this host has no
 * address it may use.
 */
final class TargetRefusedException extends UnknownHostException {

    TargetRefusedException(String reason) {
        super(reason);
    }
}
