package wirewatch.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import wirewatch.events.Alert;

/**
 * A digest as sent: the alerts one subscription collected in one period, grouped by category (in the order the
 * subscription lists them) and, within a category, by story cluster (first alert first), so syndicated copies
 * of one story sit together. An alert relevant to two categories appears under both.
 *
 * @param periodStart the digest holds alerts routed at or after this time
 * @param periodEnd   and before this one, when it became due
 */
public record Digest(UUID id, UUID subscriptionId, Instant periodStart, Instant periodEnd, List<Section> sections) {

    /** Deliveries of digests stand in the ledger under this prefix and the digest's id instead of an alert id. */
    private static final String SUBJECT_PREFIX = "digest:";

    public Digest {
        sections = List.copyOf(sections);
    }

    public record Section(String category, List<Cluster> clusters) {

        public Section {
            clusters = List.copyOf(clusters);
        }
    }

    public record Cluster(String clusterId, List<Alert> alerts) {

        public Cluster {
            alerts = List.copyOf(alerts);
        }
    }

    /** How many different alerts the digest holds. */
    public long alertCount() {
        return sections.stream().flatMap(section -> section.clusters().stream())
                .flatMap(cluster -> cluster.alerts().stream()).map(Alert::id).distinct().count();
    }

    /** The ledger's {@code alert_id} of this digest's delivery. */
    public String subjectId() {
        return SUBJECT_PREFIX + id;
    }

    /** The digest id in a ledger {@code alert_id}, if it names a digest. */
    static Optional<UUID> idOf(String subjectId) {
        return subjectId.startsWith(SUBJECT_PREFIX)
                ? Optional.of(UUID.fromString(subjectId.substring(SUBJECT_PREFIX.length())))
                : Optional.empty();
    }
}
