-- Every instant delivery adds one to its subscription's count for the hour (insert ... on conflict do update). With
-- room left on each page that update is a heap-only tuple (HOT) update: the new row version goes beside the old one
-- and the primary key index is not touched. Full pages (the default) made every one a new index entry.
alter table instant_counts set (fillfactor = 50);
