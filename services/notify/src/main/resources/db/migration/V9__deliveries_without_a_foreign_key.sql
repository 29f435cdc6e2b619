-- Claiming an alert's deliveries inserts a row per subscription, ten thousand for an alert that fans out to ten
-- thousand webhooks, and the foreign key made each of them look its subscription up and lock it (for key share: a
-- write to the subscription's row, and WAL, per delivery). Deleting a subscription now deletes its deliveries in the
-- statement that deletes it (SubscriptionStore.delete), as the cascade did.
--
-- What changes: an alert routed to a subscription just before the subscription was deleted is claimed and sent
-- instead of failing the claim (which failed the claim of the whole poll, for every subscription in it). Every path
-- that reads a delivery later (retries, recovery of interrupted attempts, replay, history) looks its subscription up
-- and treats a missing one as gone. Such a delivery's row outlives its subscription; nothing reads it.
alter table deliveries drop constraint deliveries_subscription_id_fkey;
