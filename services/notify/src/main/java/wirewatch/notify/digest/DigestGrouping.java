package wirewatch.notify.digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.routing.Relevance;
import wirewatch.notify.subscription.Subscription;

/** Puts a digest's alerts in order: by the subscription's categories, then by story cluster. */
final class DigestGrouping {

    private DigestGrouping() {
    }

    /**
     * @param alerts in the order they joined the digest; each appears under every category of the subscription
     *               it reaches, within the cluster of its story (its own story when it has no cluster)
     */
    static Digest group(UUID id, Subscription subscription, Instant periodStart, Instant periodEnd,
                        List<Alert> alerts) {
        var sections = new ArrayList<Digest.Section>();
        for (var category : subscription.categories()) {
            var clusters = new LinkedHashMap<String, List<Alert>>();
            for (var alert : alerts) {
                if (Relevance.categories(alert, subscription).contains(category)) {
                    var cluster = alert.clusterId() == null ? alert.storyId() : alert.clusterId();
                    clusters.computeIfAbsent(cluster, key -> new ArrayList<>()).add(alert);
                }
            }
            if (!clusters.isEmpty()) {
                sections.add(new Digest.Section(category, clusters.entrySet().stream()
                        .map(entry -> new Digest.Cluster(entry.getKey(), entry.getValue())).toList()));
            }
        }
        return new Digest(id, subscription.id(), periodStart, periodEnd, sections);
    }
}
