/**
 * Story identity: the canonical form of a story's URL (tracking parameters, fragment, default port and
 * cosmetic encoding differences removed) and the story id derived from it. Two links that reach the same
 * article get the same id, which is what de-duplication and the Kafka record key rely on.
 */
package wirewatch.ingest.canonical;
