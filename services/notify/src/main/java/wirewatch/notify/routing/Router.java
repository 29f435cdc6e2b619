package wirewatch.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import wirewatch.events.Alert;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStore;

/**
 * Decides, for each active subscription an alert is relevant to, whether it gets the alert now, not at all (a
 * flood-control copy) or in a digest. The decisions are recorded together with their consequences (flood keys, the
 * hourly counts, the digest items, the suppressed history entries) in one transaction per chunk of subscriptions:
 * one statement takes the chunk's locks, one reads its state, one writes the decisions, keys and counts (digest
 * items and suppressed copies, when there are any, add theirs), so an alert read again after a crash meets its
 * earlier decisions and changes nothing, and an alert reaching ten thousand subscriptions costs tens of statements,
 * not tens of thousands.
 */
@Service
public class Router {

    /**
     * Subscriptions routed in one transaction. Each holds an advisory lock until the transaction ends, and those
     * live in PostgreSQL's shared lock table (64 per connection by default), so a chunk stays well below it.
     */
    static final int CHUNK = 500;

    private record Relevant(Subscription subscription, List<String> categories) {
    }

    private record Decided(Channel channel, Route route) {
    }

    /** What one chunk's transaction did: who gets the alert now, and the decisions it made (not found). */
    private record Routed(List<Subscription> instant, List<Decided> fresh) {
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
        var relevant = new ArrayList<Relevant>();
        for (var subscription : subscriptions.activeFor(alert.categories())) {
            var categories = Relevance.categories(alert, subscription);
            if (!categories.isEmpty() && StoryFilter.mentionsAny(alert, subscription.keywords())
                    && StoryFilter.fromAny(alert, subscription.sources())) {
                relevant.add(new Relevant(subscription, categories));
            }
        }
        // Every transaction takes its locks in this one global order, so two alerts routed at once (by two
        // consumers or two instances) wait for each other but never deadlock.
        relevant.sort(Comparator.comparingInt(each -> RoutingStore.lockKey(each.subscription().id())));
        var recipients = new ArrayList<Subscription>();
        for (int from = 0; from < relevant.size(); from += CHUNK) {
            var chunk = relevant.subList(from, Math.min(from + CHUNK, relevant.size()));
            var routed = transactions.execute(status -> route(alert, chunk, now));
            routed.fresh().forEach(decided -> metrics.routed(decided.channel(), decided.route()));
            recipients.addAll(routed.instant());
        }
        return recipients;
    }

    private Routed route(Alert alert, List<Relevant> chunk, Instant now) {
        var ids = chunk.stream().map(each -> each.subscription().id()).toList();
        store.lockSubscriptions(ids);
        // An alert from an outside producer may lack a cluster; its story is then a cluster of its own.
        var cluster = alert.clusterId() == null ? alert.storyId() : alert.clusterId();
        var state = store.state(alert.id(), ids, cluster, alert.categories(), now);
        var instant = new ArrayList<Subscription>();
        chunk.stream().map(Relevant::subscription)
                .filter(subscription -> state.decisions().get(subscription.id()) == Route.INSTANT)
                .forEach(instant::add);
        var undecided = chunk.stream().filter(each -> !state.decisions().containsKey(each.subscription().id()))
                .toList();
        if (undecided.isEmpty()) {
            return new Routed(instant, List.of());
        }
        var decided = new HashMap<UUID, Route>();
        var fresh = new ArrayList<Decided>();
        var claims = new ArrayList<RoutingStore.Claim>();
        var counted = new ArrayList<UUID>();
        var copies = new ArrayList<SuppressedCopies.Copy>();
        for (var each : undecided) {
            var subscription = each.subscription();
            var id = subscription.id();
            var decision = policy.decide(subscription.mode(), each.categories(),
                    state.holders().getOrDefault(id, Map.of()), state.sent().getOrDefault(id, 0), now);
            switch (decision.route()) {
                case INSTANT -> {
                    decision.claimed().forEach(category -> claims.add(new RoutingStore.Claim(id, category)));
                    counted.add(id);
                    instant.add(subscription);
                }
                case SUPPRESSED -> copies.add(new SuppressedCopies.Copy(subscription, decision.suppressedBy()));
                case DIGEST -> digests.add(subscription, alert, now, false);
                case OVERFLOW -> digests.add(subscription, alert, now, true);
            }
            decided.put(id, decision.route());
            fresh.add(new Decided(subscription.channel(), decision.route()));
        }
        store.record(alert.id(), decided, claims, cluster, counted, now);
        suppressed.record(alert.id(), copies);
        return new Routed(instant, fresh);
    }
}
