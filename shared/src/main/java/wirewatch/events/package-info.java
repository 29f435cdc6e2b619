/**
 * The contracts between the Wirewatch services: the immutable event records written to and read from
 * Kafka, the topic names, and the CloudEvents attributes every record carries. Nothing else is shared
 * between services; each service owns its own behaviour. JSON Schemas for the records live under
 * {@code wirewatch/schemas/} on the classpath so outside producers can validate what they write.
 */
package wirewatch.events;
