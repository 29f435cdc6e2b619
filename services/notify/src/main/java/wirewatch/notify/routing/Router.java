package wirewatch.notify.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 *
 * <p>The alerts of one poll are routed together, in the order they were read: their subscriptions are looked up
 * once, and each chunk's transaction decides every alert of the poll for its subscriptions, each decision seeing
 * the flood keys and hourly counts the alerts before it took. The outcome is the same as routing them one by one in
 * that order (a copy later in the poll is suppressed by the first, the hourly cap's last place goes to the earlier
 * alert), at the cost of one alert's statements instead of one set per alert: the load that fills polls is the
 * load at which those statements were what a subscription's alerts waited for, one after the other, on its lock.
 */
@Service
public class Router {

    /**
     * Subscriptions routed in one transaction. Each holds an advisory lock until the transaction ends, and those
     * live in PostgreSQL's shared lock table (64 per connection by default), so a chunk stays well below it.
     */
    static final int CHUNK = 500;

    /** An alert of the poll reaching a subscription, through these of its categories. */
    private record Reach(int alert, List<String> categories) {
    }

    private record Relevant(Subscription subscription, List<Reach> reaches) {
    }

    /** A subscription of the chunk an alert reaches, through these of its categories. */
    private record Target(Subscription subscription, List<String> categories) {
    }

    private record Decided(Channel channel, Route route) {
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

    /** {@link #instantRecipients(List)} for one alert. */
    public List<Subscription> instantRecipients(Alert alert) {
        return instantRecipients(List.of(alert)).getFirst();
    }

    /**
     * Routes the alerts, in this order, and answers for each (at its index) the subscriptions that are to get it
     * now. A subscription is relevant to an alert when the alert has a match in one of its categories at its
     * minimum confidence or above, mentions one of its keywords and comes from one of its sources (each filter
     * only when set).
     */
    public List<List<Subscription>> instantRecipients(List<Alert> alerts) {
        var now = clock.instant();
        var wanted = alerts.stream().flatMap(alert -> alert.categories().stream()).distinct().toList();
        var relevant = new ArrayList<Relevant>();
        for (var subscription : subscriptions.activeFor(wanted)) {
            var reaches = new ArrayList<Reach>();
            for (int index = 0; index < alerts.size(); index++) {
                var alert = alerts.get(index);
                var categories = Relevance.categories(alert, subscription);
                if (!categories.isEmpty() && StoryFilter.mentionsAny(alert, subscription.keywords())
                        && StoryFilter.fromAny(alert, subscription.sources())) {
                    reaches.add(new Reach(index, categories));
                }
            }
            if (!reaches.isEmpty()) {
                relevant.add(new Relevant(subscription, reaches));
            }
        }
        // Every transaction takes its locks in this one global order, so two polls routed at once (by two
        // consumers or two instances) wait for each other but never deadlock.
        relevant.sort(Comparator.comparingInt(each -> RoutingStore.lockKey(each.subscription().id())));
        var recipients = new ArrayList<List<Subscription>>(alerts.size());
        alerts.forEach(alert -> recipients.add(new ArrayList<>()));
        for (int from = 0; from < relevant.size(); from += CHUNK) {
            var chunk = relevant.subList(from, Math.min(from + CHUNK, relevant.size()));
            var fresh = transactions.execute(status -> route(alerts, chunk, now, recipients));
            fresh.forEach(decided -> metrics.routed(decided.channel(), decided.route()));
        }
        return recipients;
    }

    /**
     * Routes one chunk of subscriptions for every alert, adding the instant ones to {@code recipients}, and
     * answers the decisions it made (those found already made are not counted again).
     */
    private List<Decided> route(List<Alert> alerts, List<Relevant> chunk, Instant now,
                                List<List<Subscription>> recipients) {
        var ids = chunk.stream().map(each -> each.subscription().id()).toList();
        store.lockSubscriptions(ids);
        var state = store.state(alerts.stream().map(Alert::id).distinct().toList(), ids,
                alerts.stream().map(Router::clusterOf).distinct().toList(),
                alerts.stream().flatMap(alert -> alert.categories().stream()).distinct().toList(), now);
        var targets = new ArrayList<List<Target>>(alerts.size());
        alerts.forEach(alert -> targets.add(new ArrayList<>()));
        for (var each : chunk) {
            each.reaches().forEach(reach ->
                    targets.get(reach.alert()).add(new Target(each.subscription(), reach.categories())));
        }
        // What this chunk's writes will make of the state read above, kept up to date alert by alert, in order,
        // so each decision sees the flood keys and hourly places the alerts before it took.
        var decisions = new HashMap<>(state.decisions());
        var holders = new HashMap<>(state.holders());
        var sent = new HashMap<>(state.sent());
        var made = new ArrayList<RoutingStore.Decision>();
        var claims = new LinkedHashMap<RoutingStore.Key, String>();
        var counted = new LinkedHashMap<UUID, Integer>();
        var copies = new LinkedHashMap<String, List<SuppressedCopies.Copy>>();
        var fresh = new ArrayList<Decided>();
        for (int index = 0; index < alerts.size(); index++) {
            var alert = alerts.get(index);
            var cluster = clusterOf(alert);
            for (var target : targets.get(index)) {
                var subscription = target.subscription();
                var id = subscription.id();
                var earlier = decisions.get(new RoutingStore.Decided(alert.id(), id));
                if (earlier != null) {
                    // Decided before (the alert read again, or twice in this poll): the same answer, nothing new.
                    if (earlier == Route.INSTANT) {
                        recipients.get(index).add(subscription);
                    }
                    continue;
                }
                var held = new HashMap<String, RoutingPolicy.Holder>();
                for (var category : target.categories()) {
                    var holder = holders.get(new RoutingStore.Key(id, cluster, category));
                    if (holder != null) {
                        held.put(category, holder);
                    }
                }
                var decision = policy.decide(subscription.mode(), target.categories(), held,
                        sent.getOrDefault(id, 0), now);
                switch (decision.route()) {
                    case INSTANT -> {
                        for (var category : decision.claimed()) {
                            var key = new RoutingStore.Key(id, cluster, category);
                            claims.put(key, alert.id());
                            holders.put(key, new RoutingPolicy.Holder(alert.id(), now));
                        }
                        sent.merge(id, 1, Integer::sum);
                        counted.merge(id, 1, Integer::sum);
                        recipients.get(index).add(subscription);
                    }
                    case SUPPRESSED -> copies.computeIfAbsent(alert.id(), any -> new ArrayList<>())
                            .add(new SuppressedCopies.Copy(subscription, decision.suppressedBy()));
                    case DIGEST -> digests.add(subscription, alert, now, false);
                    case OVERFLOW -> digests.add(subscription, alert, now, true);
                }
                decisions.put(new RoutingStore.Decided(alert.id(), id), decision.route());
                made.add(new RoutingStore.Decision(alert.id(), id, decision.route()));
                fresh.add(new Decided(subscription.channel(), decision.route()));
            }
        }
        if (!made.isEmpty()) {
            store.record(made, claims, counted, now);
        }
        copies.forEach(suppressed::record);
        return fresh;
    }

    /** An alert from an outside producer may lack a cluster; its story is then a cluster of its own. */
    private static String clusterOf(Alert alert) {
        return alert.clusterId() == null ? alert.storyId() : alert.clusterId();
    }
}
