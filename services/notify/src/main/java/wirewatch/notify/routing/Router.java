package wirewatch.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * Decides, for each active subscription an alert is relevant to, whether it gets the alert now, not at all (a
 * flood-control copy) or in a digest. Each decision is one transaction that records it together with its
 * consequences (flood keys, the hourly count, the digest item or the suppressed history entry), so an alert read
 * again after a crash meets its earlier decisions and changes nothing.
 */
@Service
public class Router {

    private record Routed(Route route, boolean fresh) {
    }

    private final SubscriptionStore subscriptions;
    private final RoutingStore store;
    private final RoutingPolicy policy;
    private final DigestInbox digests;
    private final SuppressedCopies suppressed;
    private final TransactionTemplate transactions;
    private final RoutingMetrics metrics;
    private final Clock clock;

    Router(SubscriptionStore subscriptions, RoutingStore store, FloodProperties flood, DigestInbox digests,
           SuppressedCopies suppressed, TransactionTemplate transactions, RoutingMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.policy = new RoutingPolicy(flood);
        this.digests = digests;
        this.suppressed = suppressed;
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Routes the alert and answers the subscriptions that are to get it now. A subscription is relevant when the
     * alert has a match in one of its categories at its minimum confidence or above, mentions one of its keywords
     * and comes from one of its sources (each filter only when set).
     */
    public List<Subscription> instantRecipients(Alert alert) {
        var now = clock.instant();
        var recipients = new ArrayList<Subscription>();
        for (var subscription : subscriptions.activeFor(alert.categories())) {
            var categories = Relevance.categories(alert, subscription);
            if (categories.isEmpty() || !StoryFilter.mentionsAny(alert, subscription.keywords())
                    || !StoryFilter.fromAny(alert, subscription.sources())) {
                continue;
            }
            var routed = transactions.execute(status -> route(alert, subscription, categories, now));
            if (routed.fresh()) {
                metrics.routed(subscription.channel(), routed.route());
            }
            if (routed.route() == Route.INSTANT) {
                recipients.add(subscription);
            }
        }
        return recipients;
    }

    private Routed route(Alert alert, Subscription subscription, List<String> categories, Instant now) {
        var id = subscription.id();
        store.lockSubscription(id);
        var earlier = store.decision(alert.id(), id);
        if (earlier.isPresent()) {
            return new Routed(earlier.get(), false);
        }
        // An alert from an outside producer may lack a cluster; its story is then a cluster of its own.
        var cluster = alert.clusterId() == null ? alert.storyId() : alert.clusterId();
        var decision = policy.decide(subscription.mode(), categories, store.holders(id, cluster, categories),
                store.sentInHourOf(id, now), now);
        switch (decision.route()) {
            case INSTANT -> {
                store.claim(id, cluster, decision.claimed(), alert.id(), now);
                store.countInstant(id, now);
            }
            case SUPPRESSED -> suppressed.record(alert.id(), subscription, decision.suppressedBy());
            case DIGEST -> digests.add(subscription, alert, now, false);
            case OVERFLOW -> digests.add(subscription, alert, now, true);
        }
        store.saveDecision(alert.id(), id, decision.route(), now);
        return new Routed(decision.route(), true);
    }
}
