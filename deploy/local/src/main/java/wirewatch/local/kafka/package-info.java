/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) run from the class path that the
 * {@code wirewatch-kafka-broker} module copies: its configuration, the one-time storage format, and readiness.
 */
package wirewatch.local.kafka;
