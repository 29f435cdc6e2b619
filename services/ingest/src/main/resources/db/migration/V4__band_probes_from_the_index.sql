-- A story's candidates are found by probing cluster_band once per band key and keeping the rows inside the window.
-- With ingested_at only in the table, every row a probe finds was a heap fetch, one page each (a key's rows arrive
-- minutes or days apart, so they are never on one page): ~2,400 pages per story against a window of ~25,000
-- stories, 12 ms, most of PostgreSQL's work for a pushed story. With ingested_at carried in the primary key's
-- index the probe is an index-only scan reading the key's few adjacent index pages: ~170 pages, 2.6 ms.
-- Rebuilding the index locks the table for about a second per million rows.
alter table cluster_band drop constraint cluster_band_pkey;
alter table cluster_band add primary key (band_key, story_id) include (ingested_at);

-- Index-only scans skip the heap only for pages the visibility map marks all-visible; this table is only ever
-- inserted into and deleted from by age, so let autovacuum mark new pages sooner than its default (20 % of the
-- table) would.
alter table cluster_band set (autovacuum_vacuum_insert_scale_factor = 0.02);
