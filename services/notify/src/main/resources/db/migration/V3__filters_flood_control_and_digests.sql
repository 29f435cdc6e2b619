-- Keyword and source filters, and digests sent on a wall-clock schedule instead of after an interval.
alter table subscriptions add column keywords text[] not null default '{}';
alter table subscriptions add column sources text[] not null default '{}';
alter table subscriptions add column digest_frequency text check (digest_frequency in ('hourly', 'daily'));
alter table subscriptions add column digest_hour smallint check (digest_hour between 0 and 23);
alter table subscriptions add column digest_time_zone text;

-- Digest subscriptions stored before V3 (never sent anything): hourly stays hourly, anything longer becomes daily
-- at 08:00 UTC.
update subscriptions
   set digest_frequency = case when digest_interval_seconds <= 3600 then 'hourly' else 'daily' end,
       digest_hour      = case when digest_interval_seconds <= 3600 then null else 8 end,
       digest_time_zone = 'UTC'
 where mode = 'digest';

-- Dropping the column drops the check that tied it to the mode.
alter table subscriptions drop column digest_interval_seconds;
alter table subscriptions add constraint subscriptions_digest_schedule check (
    (mode = 'digest') = (digest_frequency is not null)
    and (mode = 'digest') = (digest_time_zone is not null)
    and (coalesce(digest_frequency, '') = 'daily') = (digest_hour is not null));

-- A copy of an alert that flood control kept from an instant subscription stays in its history as 'suppressed',
-- naming the alert whose delivery it repeated.
alter table deliveries drop constraint deliveries_status_check;
alter table deliveries add constraint deliveries_status_check
    check (status in ('pending', 'retrying', 'delivered', 'failed', 'suppressed'));
alter table deliveries add column suppressed_by_alert text;
alter table deliveries add constraint deliveries_suppressed_names_its_cause
    check ((status = 'suppressed') = (suppressed_by_alert is not null));

-- What routing decided for each (alert, subscription), so an alert read again gets the same decision and counts
-- once towards flood keys and the hourly cap.
create table routing_decisions (
    alert_id        text        not null,
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    route           text        not null check (route in ('instant', 'suppressed', 'digest', 'overflow')),
    decided_at      timestamptz not null,
    primary key (alert_id, subscription_id)
);

-- Flood control: the instant alert that a subscription got for a (story cluster, category), and when. Another
-- alert of the same cluster and category within the window is suppressed.
create table flood_keys (
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    cluster_id      text        not null,
    category        text        not null,
    alert_id        text        not null,
    claimed_at      timestamptz not null,
    primary key (subscription_id, cluster_id, category)
);

-- Instant alerts sent per subscription and clock hour (UTC), against the hourly cap.
create table instant_counts (
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    hour_start      timestamptz not null,
    sent            integer     not null check (sent >= 0),
    primary key (subscription_id, hour_start)
);

-- One digest per (subscription, period), due at the period's end: open while alerts join it, sending once an
-- instance has claimed it, dispatched once its delivery (in the deliveries ledger, alert_id 'digest:<id>') has
-- had its first attempt, cancelled when the subscription stopped receiving before it was due.
create table digests (
    id              uuid        primary key,
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    period_start    timestamptz not null,
    period_end      timestamptz not null,
    status          text        not null check (status in ('open', 'sending', 'dispatched', 'cancelled')),
    claimed_at      timestamptz,
    dispatched_at   timestamptz,
    constraint digests_one_per_period unique (subscription_id, period_end),
    check ((status = 'open') = (claimed_at is null))
);

create index digests_due on digests (period_end) where status in ('open', 'sending');

-- The alerts of a digest. An alert stays in the alerts table while a digest refers to it.
create table digest_items (
    digest_id uuid        not null references digests (id) on delete cascade,
    alert_id  text        not null references alerts (id),
    reason    text        not null check (reason in ('digest', 'overflow')),
    added_at  timestamptz not null,
    primary key (digest_id, alert_id)
);
