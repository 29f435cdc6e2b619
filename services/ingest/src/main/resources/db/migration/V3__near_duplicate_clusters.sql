-- Near-duplicate clustering replaces V1's exact content keys: a copy with another headline, reordered
-- sentences or a cut paragraph hashes differently, so exact keys missed most syndicated copies.
drop table cluster_key;

-- The shingles (sorted, distinct 32-bit hashes of 4-word runs) of each story within the clustering window,
-- against which candidate copies are checked exactly. Rows older than the window are deleted.
create table story_sketch (
    story_id    varchar(32)  primary key references seen_story (id),
    cluster_id  varchar(128) not null,
    shingles    integer[]    not null,
    ingested_at timestamptz  not null
);

create index story_sketch_ingested_at_idx on story_sketch (ingested_at);

-- MinHash LSH bands: stories sharing a band key are candidate copies. Looked up by key (the primary key's
-- leading column); the time filter applies to the few rows per key, since rows leave with the window.
create table cluster_band (
    band_key    bigint       not null,
    story_id    varchar(32)  not null references story_sketch (story_id) on delete cascade,
    ingested_at timestamptz  not null,
    primary key (band_key, story_id)
);

create index cluster_band_story_idx on cluster_band (story_id);

-- Lines (paragraphs, as hashes of their words) per cluster within the window. A line already carried by
-- several other clusters is boilerplate (sign-offs, promotions, stock background) and is not compared.
create table story_line (
    line_hash   bigint       not null,
    cluster_id  varchar(128) not null,
    ingested_at timestamptz  not null,
    primary key (line_hash, cluster_id)
);

create index story_line_ingested_at_idx on story_line (ingested_at);
