/**
 * The fan-out load runner: one alert stream to 10,000 webhook subscriptions through the real send path (Kafka
 * listener, ledger in a real PostgreSQL, signing, HTTP client) to a real local HTTP receiver, reporting deliveries
 * per second. Compiled by every build, run only on demand (see the {@code benchmark} Maven profile).
 */
package wirewatch.notify.benchmark;
