-- An alert's payload is read by the alert's id and never searched, yet autovacuum's analyze built statistics of the
-- sampled JSON documents: 0.18-0.33 s of CPU every minute at 200 alerts/s while the table is young, most of notify's
-- autovacuum work and a stretch of slower deliveries each time (README, Load harness). Metadata only.
alter table alerts alter column payload set statistics 0;
