-- Every story ingest has published, under the id derived from its canonical URL. A row is written in
-- the same transaction that waits for Kafka's acknowledgement, so a row always means "published".
create table seen_story (
    id            varchar(32)  primary key,
    canonical_url text         not null,
    cluster_id    varchar(128) not null,
    ingested_at   timestamptz  not null
);

create index seen_story_cluster_id_idx on seen_story (cluster_id);

-- Keys through which later copies of a story find its cluster. V1 writes one kind, an exact hash of the
-- normalised title and body ('content-sha256:<hex>'); near-duplicate clustering can add other kinds
-- (e.g. 'minhash-band:...') as further rows without touching seen_story.
create table cluster_key (
    key        text         primary key,
    cluster_id varchar(128) not null,
    story_id   varchar(32)  not null references seen_story (id)
);
