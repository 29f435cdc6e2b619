-- Routing writes a decision and a flood key per (alert, subscription), ten thousand of each for an alert that fans out
-- to ten thousand webhooks, and a foreign key makes each of those rows look its subscription up and lock it (a write
-- of its own). Deleting a subscription now deletes its decisions and keys in the statement that deletes it
-- (SubscriptionStore.delete), as the cascade did. A routing transaction that read the subscription just before it
-- was deleted can still leave a few rows behind it; nothing reads them (routing reads state only for subscriptions
-- it routes) and retention removes them by age, like any other.
alter table routing_decisions drop constraint routing_decisions_subscription_id_fkey;
alter table flood_keys drop constraint flood_keys_subscription_id_fkey;
