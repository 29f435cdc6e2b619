package wirewatch.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateNetworkPolicyTests {

    private final PrivateNetworkPolicy policy = policy(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/hook",
            "http://172.16.0.5/hook", "http://192.168.1.1/hook", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://[::1]/hook", "http://[fd00:ec2::254]/hook",
            "http://[fe80::1]/hook", "http://[::ffff:10.0.0.1]/hook"})
    void refusesInternalAddresses(String target) {
        assertThat(policy.refusal(URI.create(target))).hasValueSatisfying(reason ->
                assertThat(reason).contains("webhooks must reach public hosts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:4700:4700::1111]/hook"})
    void acceptsPublicAddresses(String target) {
        assertThat(policy.refusal(URI.create(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://192.168.1.1/hook"})
    void acceptsInternalAddressesWhenAllowed(String target) {
        assertThat(policy(true).refusal(URI.create(target))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://no-such-host.invalid/hook"})
    void refusesHostsThatDoNotResolve(String target) {
        assertThat(policy.refusal(URI.create(target))).hasValueSatisfying(reason ->
                assertThat(reason).isEqualTo("target host no-such-host.invalid could not be resolved"));
    }

    private static PrivateNetworkPolicy policy(boolean allowPrivateTargets) {
        return new PrivateNetworkPolicy(new WebhookProperties(allowPrivateTargets, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofDays(5), Duration.ofHours(24), Duration.ofSeconds(1), 20, 10), HostResolver.SYSTEM);
    }
}
