package wirewatch.notify.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import wirewatch.notify.subscription.TargetPolicy;

/**
 * Refuses webhook targets that resolve to an address inside the network notify runs in, so the API cannot be
 * used to probe or call internal services (server-side request forgery). Checked when subscribing, and again on
 * every connection by {@link GuardedDnsResolver}, since DNS can change in between.
 */
@Component
class PrivateNetworkPolicy implements TargetPolicy {

    private final boolean allowPrivateTargets;
    private final HostResolver resolver;

    PrivateNetworkPolicy(WebhookProperties properties, HostResolver resolver) {
        this.allowPrivateTargets = properties.allowPrivateTargets();
        this.resolver = resolver;
    }

    @Override
    public Optional<String> refusal(URI target) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        try {
            return refusal(target.getHost(), resolver.resolve(target.getHost()));
        } catch (UnknownHostException e) {
            return Optional.of("target host " + target.getHost() + " could not be resolved");
        }
    }

    /** Why {@code host}, resolved to {@code addresses}, may not be called; empty when it may. */
    Optional<String> refusal(String host, InetAddress[] addresses) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        for (var address : addresses) {
            if (isInternal(address)) {
                return Optional.of("target host " + host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or metadata address; webhooks must reach public hosts");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true; // link-local covers the 169.254.169.254 metadata service
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return bytes[0] == 0 // "this network"
                    || (bytes[0] == 100 && (bytes[1] & 0xc0) == 64); // 100.64.0.0/10, carrier-grade NAT
        }
        // fc00::/7 unique local addresses, which include fd00:ec2::254, the IPv6 metadata service
        return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    }
}
