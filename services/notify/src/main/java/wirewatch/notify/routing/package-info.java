/**
 * Routing: which subscriptions an alert reaches and how. {@link wirewatch.notify.routing.Router} filters the
 * active subscriptions by category and confidence ({@link wirewatch.notify.routing.Relevance}), keywords and
 * sources ({@code StoryFilter}), then lets {@code RoutingPolicy} decide per subscription: send now, suppress (flood
 * control: one instant alert per story cluster and category within a window), or keep for a digest (digest
 * subscriptions, and instant ones over their hourly cap). Flood keys, hourly counts and decisions live in
 * PostgreSQL ({@code RoutingStore}) under per-subscription advisory locks, so they hold across restarts and notify
 * instances; they are read together in one statement and written together in another, for up to 500
 * subscriptions per transaction, so an alert for many subscriptions costs a few statements.
 * {@link wirewatch.notify.routing.RoutingRetention} deletes what no decision reads any more: flood keys past their
 * window, hourly counts past their hour, and decisions as old as the delivery history they explain (the
 * {@code delivery} package's retention run calls it). Two ports keep the consequences out:
 * {@link wirewatch.notify.routing.DigestInbox} (implemented in {@code digest}) and
 * {@link wirewatch.notify.routing.SuppressedCopies} (implemented in {@code delivery}).
 */
package wirewatch.notify.routing;
