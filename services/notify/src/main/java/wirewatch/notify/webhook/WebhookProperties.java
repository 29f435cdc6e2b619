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
 * @param secretRefresh       how often the previous secrets still in an overlap are re-read; a rotation made by
 *                            another instance reaches this one within this time
 * @param maxConnections      kept-alive connections to all receivers together
 * @param maxConnectionsPerHost kept-alive connections to one receiver (scheme, host and port); as many as
 *                            {@code wirewatch.notify.delivery.parallelism}, or a fan-out to many webhooks on one
 *                            host waits for connections
 */
@ConfigurationProperties("wirewatch.notify.webhook")
record WebhookProperties(boolean allowPrivateTargets, Duration connectTimeout, Duration requestTimeout,
                         Duration disableAfter, Duration secretOverlap,
                         Duration secretRefresh, int maxConnections, int maxConnectionsPerHost) {
}
