/**
 * The memory of which stories ingest has already published and which cluster each belongs to, kept in
 * PostgreSQL so every instance and every restart agrees. A story is known by its id (its canonical URL).
 * Its cluster is the one of the earlier story, within a sliding window, whose body it near-duplicates:
 * {@link wirewatch.ingest.dedup.TextSketch} reduces a body to word shingles and MinHash band keys, band
 * keys find candidate copies, and the share of shingles they share (containment) decides, with lines that
 * unrelated clusters also carry (sign-offs, stock background) set aside.
 */
package wirewatch.ingest.dedup;
