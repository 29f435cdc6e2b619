/**
 * The push-path load runner: ingest as its own process, posting one story per request at a fixed rate against an
 * embedded KRaft broker and an embedded PostgreSQL, reporting CPU per story for ingest and PostgreSQL and how long
 * a story holds its connection (and band locks). Compiled by every build, run only on demand (see the
 * {@code benchmark} Maven profile).
 */
package wirewatch.ingest.benchmark;
