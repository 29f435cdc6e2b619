-- A story's candidates were every row of each of its 48 band keys inside the window, so a key that many unrelated
-- stories share (a stock phrase under both of a band's MinHash rows) cost each story carrying it a read of all its
-- rows: with 44,000 stories in the window one story's keys matched 1,891 rows, and the count grew with the window.
-- A story now reads only the most recent rows of each key (wirewatch.ingest.clusters.stories-per-band), which an
-- index ordered by time within each key hands out without touching the rest. The primary key becomes that index. A
-- story writes each of its keys once, all with its one ingested_at, so (band_key, story_id) stays unique as before.
-- Rebuilding it locks the table for about a second per million rows.
alter table cluster_band drop constraint cluster_band_pkey;
alter table cluster_band add primary key (band_key, ingested_at, story_id);
