/**
 * The Kafka side: consuming stories a poll at a time, classifying each with the active rule set and publishing an
 * alert for every story that matched, in one Kafka transaction per poll with the consumed offsets; unreadable
 * records and stories whose classification fails go to the dead-letter topic in that transaction, alone. Also the
 * service's metrics.
 */
package wirewatch.classify.pipeline;
