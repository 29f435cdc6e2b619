-- A band row was (band_key bigint, ingested_at timestamptz, story_id varchar(32)), and its primary-key entry carried
-- all three: about 80 bytes of row and 97 of index per key, 48 keys per story. At 200 stories/s the band table outgrew
-- PostgreSQL's buffers within minutes, and every story's 48 probes and 48 inserts, each on a random page of it, read
-- and evicted pages through the kernel: about a tenth of ingest's PostgreSQL CPU in a profile (perf, 200/s, 220,000
-- stories in the window), more as the window grew. A sketch now gets a number from a sequence, in the order sketches
-- are written, and a band row is (band_key, story_no), two bigints: 44 bytes of row and 43 of index. The number
-- stands for the time too: a key's most recent stories are its highest numbers, and the window is applied to the few
-- candidates read (story_sketch.ingested_at) instead of to every band row; rows that left the window still go hourly
-- (SketchRetention), through a BRIN index on the number. Rewriting the band rows took 2 minutes for 12 million of
-- them (250,000 stories in the window), during which ingest does not start.
create sequence story_sketch_story_no_seq;

alter table story_sketch add column story_no bigint;

update story_sketch s
   set story_no = numbered.story_no
  from (select story_id, row_number() over (order by ingested_at, story_id) as story_no from story_sketch) numbered
 where numbered.story_id = s.story_id;

select setval('story_sketch_story_no_seq', coalesce(max(story_no), 0) + 1, false) from story_sketch;

alter table story_sketch
    alter column story_no set default nextval('story_sketch_story_no_seq'),
    alter column story_no set not null,
    add constraint story_sketch_story_no_key unique (story_no);

alter sequence story_sketch_story_no_seq owned by story_sketch.story_no;

create table cluster_band_by_number (
    band_key bigint not null,
    story_no bigint not null,
    constraint cluster_band_by_number_pkey primary key (band_key, story_no)
);

insert into cluster_band_by_number (band_key, story_no)
select b.band_key, s.story_no
  from cluster_band b
  join story_sketch s on s.story_id = b.story_id
 order by s.story_no, b.band_key;

drop table cluster_band;
alter table cluster_band_by_number rename to cluster_band;
alter table cluster_band rename constraint cluster_band_by_number_pkey to cluster_band_pkey;

-- Rows arrive in number order, so a summary per range of pages is enough for retention to find the old ones.
create index cluster_band_story_no_idx on cluster_band using brin (story_no);

-- As V4 said for the table it replaces: probes are index-only scans, which skip the heap only for pages the
-- visibility map marks all-visible, and this table is only ever inserted into and deleted from by age.
alter table cluster_band set (autovacuum_vacuum_insert_scale_factor = 0.02);
