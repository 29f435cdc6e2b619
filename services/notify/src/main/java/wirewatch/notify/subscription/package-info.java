/**
 * Subscriptions: who wants which categories (at what confidence, with which keywords, from which sources), on
 * which channel, instantly or in digests on a {@link wirewatch.notify.subscription.DigestSchedule}, and whether
 * they still do. Owns the {@code subscriptions} table, the {@code /api/subscriptions} calls, the double opt-in for
 * email and the public unsubscribe pages. Two ports keep channel concerns out: {@link wirewatch.notify.subscription.TargetPolicy}
 * decides which webhook hosts may be called and {@link wirewatch.notify.subscription.ConfirmationMailer} sends
 * the opt-in mail; the webhook and email packages implement them.
 */
package wirewatch.notify.subscription;
