package wirewatch.notify.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** DNS, behind a port: tests decide what a name resolves to without a DNS server of their own. */
@FunctionalInterface
interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    /** Every address of {@code host}; an IP literal resolves to itself without a lookup. */
    InetAddress[] resolve(String host) throws UnknownHostException;
}
