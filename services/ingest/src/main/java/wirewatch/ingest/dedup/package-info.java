/**
 * The memory of which stories ingest has already published and which cluster each belongs to, kept in
 * PostgreSQL so every instance and every restart agrees. A story is known by its id (its canonical URL);
 * a cluster is found through cluster keys, today an exact hash of the normalised content, so later
 * near-duplicate clustering can add further kinds of key without changing how stories are recorded.
 */
package wirewatch.ingest.dedup;
