/**
 * The local run: one command that starts Kafka, PostgreSQL, mail, a webhook receiver and the three services on this
 * machine without Docker, prints where everything is, and stops it all again on Ctrl-C.
 */
package wirewatch.local;
