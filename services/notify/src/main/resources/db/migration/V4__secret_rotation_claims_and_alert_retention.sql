-- Every secret a rotated webhook subscription has had. subscriptions.secret is always the current one (the row here
-- whose expires_at is null); a delivery is also signed with each earlier secret that has not expired yet, so during a
-- rotation's overlap a receiver can switch secrets at its own pace.
create table webhook_secrets (
    subscription_id uuid        not null references subscriptions (id) on delete cascade,
    secret          text        not null,
    created_at      timestamptz not null,
    expires_at      timestamptz,
    primary key (subscription_id, secret)
);

-- A pending delivery is claimed: last_attempt_at is when its current attempt began. One pending for longer than
-- the claim timeout belongs to an attempt that died with its process, and is sent again under the same id.
create index deliveries_pending_since on deliveries (last_attempt_at) where status = 'pending';

-- Retention deletes old alerts that no delivery in flight still needs (deliveries_once_per_alert, led by
-- alert_id, answers "which deliveries does this alert have").
create index alerts_received_at on alerts (received_at);
