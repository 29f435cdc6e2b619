-- Every story wrote 48 entries into cluster_band's story_id index, each at a random place in it (the ids are hashes),
-- only so that retention could find a sketch's band rows by its id once an hour. A band row carries its sketch's
-- ingested_at (both are written in one statement with one value), so retention deletes band rows by that time
-- instead, through a BRIN index: rows arrive in time order, so a summary per range of pages is enough to skip the
-- window's rows, and it is not written for each row inserted. Once pages freed by retention are filled again, their
-- ranges span old and new times and the hourly delete reads them too; at worst that is a scan of the table once an
-- hour, against 48 random index writes per story. Building it reads the table once, without the sort V4's rebuild of
-- the primary key needed, while inserts wait.
drop index cluster_band_story_idx;
create index cluster_band_ingested_at_idx on cluster_band using brin (ingested_at);

-- No query reads seen_story by cluster (a story's cluster is read by its id), yet every story wrote an entry here, and
-- a story joining an earlier cluster rewrote its row's entries in both indexes, where without it the update of
-- cluster_id can stay on the row's page (a heap-only update).
drop index seen_story_cluster_id_idx;
