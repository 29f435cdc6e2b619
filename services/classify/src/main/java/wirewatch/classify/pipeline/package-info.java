/**
 * The Kafka side: consuming stories, classifying each with the active rule set and publishing an alert for
 * every story that matched, in the same Kafka transaction as the consumed offset; unreadable records go to the
 * dead-letter topic. Also the service's metrics.
 */
package wirewatch.classify.pipeline;
