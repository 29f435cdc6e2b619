create table subscriptions (
    id                      uuid primary key,
    channel                 text             not null check (channel in ('webhook', 'email')),
    target                  text             not null,
    categories              text[]           not null check (cardinality(categories) > 0),
    min_confidence          double precision not null default 0 check (min_confidence between 0 and 1),
    mode                    text             not null check (mode in ('instant', 'digest')),
    digest_interval_seconds bigint check (digest_interval_seconds > 0),
    status                  text             not null check (status in ('pending', 'active', 'disabled')),
    -- The HMAC key must be readable to sign with it, so it is stored as issued.
    secret                  text,
    unsubscribe_token       text             not null unique,
    confirmation_token      text unique,
    created_at              timestamptz      not null,
    check ((channel = 'webhook') = (secret is not null)),
    check ((mode = 'digest') = (digest_interval_seconds is not null))
);

-- Routing an alert asks "which active subscriptions share a category with it": categories && '{...}'.
create index subscriptions_active_categories on subscriptions using gin (categories) where status = 'active';

-- One row per (alert, subscription): the row's id is the webhook-id / Message-ID on every attempt, and the
-- unique constraint is what keeps a re-read alert from being sent twice.
create table deliveries (
    id              uuid        primary key,
    alert_id        text        not null,
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    channel         text        not null,
    status          text        not null check (status in ('pending', 'delivered', 'failed')),
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null default now(),
    delivered_at    timestamptz,
    constraint deliveries_once_per_alert unique (alert_id, subscription_id)
);

create index deliveries_by_subscription on deliveries (subscription_id, created_at desc);
