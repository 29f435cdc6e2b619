-- Retention deletes the routing decisions older than wirewatch.notify.retention.history by age.
create index routing_decisions_decided_at on routing_decisions (decided_at);

-- Retention keeps a delivery as long as a suppressed copy names it (suppressedBy in the history must always point
-- at a delivery that is still there): this answers "has this delivery copies", and holds suppressed rows only.
create index deliveries_suppressed_copies on deliveries (subscription_id, suppressed_by_alert)
    where status = 'suppressed';
