/**
 * The Kafka side: consuming stories a poll at a time, classifying each with the active rule set and publishing an
 * alert for every story that matched, the poll's offsets committed once its alerts are stored (at least once, under
 * alert ids a redelivered story reproduces); unreadable records and stories whose classification fails go to the
 * dead-letter topic, alone, through the listener's error handler. Also the service's metrics.
 */
package wirewatch.classify.pipeline;
