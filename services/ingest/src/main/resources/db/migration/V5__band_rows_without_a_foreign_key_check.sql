-- Each of a story's 48 band rows made PostgreSQL check its reference to story_sketch: 48 index probes and heap
-- fetches per story, written in the very statement that writes the sketch they point at. The rows are an index of
-- the sketches, written with them in one statement and deleted with them in one statement (SketchRetention), so
-- the reference is kept by the code that owns both tables and the check is dropped.
alter table cluster_band drop constraint cluster_band_story_id_fkey;
