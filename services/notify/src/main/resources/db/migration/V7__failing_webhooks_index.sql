-- Every recorded success ends its subscription's run of failures ("update subscriptions set failing_since = null
-- where id = any(...) and failing_since is not null", in the statement that marks a batch delivered). Nearly no
-- subscription is failing, so this index is nearly empty and answers that in a probe or two, where the primary key
-- made a lookup per delivered subscription: ten thousand per alert that fans out to ten thousand webhooks.
create index subscriptions_failing on subscriptions (id) where failing_since is not null;
