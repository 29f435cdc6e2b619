package wirewatch.notify.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The webhook client's DNS: resolves the host once per connection, checks every address with the
 * {@link PrivateNetworkPolicy}, and gives the client exactly the addresses it checked. The client connects to
 * those and nothing else, while the URL's host name still goes into the {@code Host} header, TLS SNI and
 * certificate verification. So a name that answered with a public address when subscribing and with
 * 169.254.169.254 now (DNS rebinding) is refused, and there is no second lookup between check and connect to
 * rebind. (The JDK's HttpClient offers no per-client resolver; connecting to an IP literal with a forged
 * {@code Host} header would break TLS, hence Apache HttpClient.)
 */
final class GuardedDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final PrivateNetworkPolicy policy;

    GuardedDnsResolver(HostResolver resolver, PrivateNetworkPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        var addresses = resolver.resolve(host);
        var refusal = policy.refusal(host, addresses);
        if (refusal.isPresent()) {
            throw new TargetRefusedException(refusal.get());
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // only used for Kerberos/SPNEGO, which webhooks never do
    }
}
