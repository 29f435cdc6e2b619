-- No query filters or joins on a sketch's shingles (a sketch is read by its story's id), yet autovacuum's analyze
-- counted their most common elements: ~30,000 sampled rows of ~200 integers each, 0.33 s of CPU every minute at 200
-- stories/s while the table is young, about a third of ingest's autovacuum work and a stretch of slower stories each
-- time (README, Load harness). Metadata only: no rewrite, and reads and writes go on meanwhile.
alter table story_sketch alter column shingles set statistics 0;
