-- A failed attempt is no longer final: the delivery waits as 'retrying' for its next attempt, which a record on a
-- notify.deliveries.retry.* topic triggers. 'failed' is now terminal (dead-lettered, or the receiver is gone) until
-- someone replays it.
alter table deliveries drop constraint deliveries_status_check;
alter table deliveries add constraint deliveries_status_check
    check (status in ('pending', 'retrying', 'delivered', 'failed'));

-- The id of the one retry record that may make the next attempt. A record whose id is not this one is stale (the
-- delivery was replayed, or the record was published twice) and is ignored, so one delivery never runs two
-- attempt chains at once.
alter table deliveries add column retry_id uuid;
alter table deliveries add column next_attempt_at timestamptz;
alter table deliveries add column last_attempt_at timestamptz;
alter table deliveries add constraint deliveries_retrying_has_retry_id check ((status = 'retrying') = (retry_id is not null));

create index deliveries_failed_by_subscription on deliveries (subscription_id, created_at) where status = 'failed';

-- When the current run of failures of a webhook began (null after a success): a subscription failing for longer
-- than wirewatch.notify.webhook.disable-after is disabled, and disabled_reason says why.
alter table subscriptions add column failing_since timestamptz;
alter table subscriptions add column disabled_reason text;

-- The alerts that reached at least one subscription, as received, so a retry or a replay days later can send
-- the same body again.
create table alerts (
    id          text        primary key,
    payload     jsonb       not null,
    received_at timestamptz not null default now()
);
