package wirewatch.notify.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param allowPrivateTargets lets subscriptions target loopback and private addresses; for tests and a local
 *                            run only, since it lets anyone with the API key make notify call internal hosts
 * @param connectTimeout      how long to wait for a TCP (and TLS) connection to a receiver
 * @param requestTimeout      how long one attempt may take once connected, answer included
 * @param disableAfter        a webhook that has failed every delivery for this long, with no success in between,
 *                            is disabled
 * @param secretOverlap       after a secret rotation, how long deliveries are still signed with the previous
 *                            secrets as well as the new one, so receivers can switch at their own pace
 */
@ConfigurationProperties("wirewatch.notify.webhook")
record WebhookProperties(boolean allowPrivateTargets, Duration connectTimeout, Duration requestTimeout,
                         Duration disableAfter, Duration secretOverlap) {
}
