package wirewatch.notify.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowPrivateTargets lets subscriptions target loopback and private addresses; for tests and a local
 *                            run only, since it lets anyone with the API key make notify call internal hosts
 * @param connectTimeout      how long to wait for a TCP (and TLS) connection to a receiver
 * @param requestTimeout      how long to wait for a receiver's answer once connected
 */
@ConfigurationProperties("wirewatch.notify.webhook")
record WebhookProperties(boolean allowPrivateTargets, Duration connectTimeout, Duration requestTimeout) {
}
