-- Feeds ingest polls. The row holds the definition (mirrored, for ownership, on the compacted topic
-- ingest.feeds.v1) and the polling state, so whichever instance owns the feed next continues from here:
-- conditional-GET validators, the next poll time, the failure streak and the health shown by GET /api/feeds.
create table feed (
    id                    varchar(16)  primary key,
    url                   text         not null unique,
    name                  text         not null,
    poll_interval_seconds integer      not null,
    created_at            timestamptz  not null,
    etag                  text,
    last_modified         text,
    next_poll_at          timestamptz  not null,
    last_polled_at        timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    last_error_at         timestamptz,
    consecutive_failures  integer      not null default 0,
    stories_published     bigint       not null default 0
);

create index feed_next_poll_at_idx on feed (next_poll_at);

-- Every item a feed has yielded, under each key that identifies it within the feed (its guid, its
-- canonical URL, a hash of its content). Claimed in the transaction that publishes the story, so an item
-- is published once across polls, restarts and instances. No foreign key: the claims outlive a removed
-- feed, so adding it again does not publish its old items again.
create table feed_item (
    feed_id       varchar(16)  not null,
    item_key      varchar(80)  not null,
    story_id      varchar(32)  not null,
    first_seen_at timestamptz  not null,
    primary key (feed_id, item_key)
);
