package wirewatch.notify.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.DigestSchedule;
import wirewatch.notify.subscription.Mode;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStatus;

class DigestGroupingTests {

    private static final UUID DIGEST = UUID.fromString("6f1c1f7e-8d0b-4c55-9a53-3c7a5e1d2b10");
    private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");
    private static final Instant END = Instant.parse("2026-11-24T06:00:00Z");

    @Test
    void groupsBySubscribedCategoryInTheSubscriptionsOrderThenByStoryCluster() {
        var subscription = subscription(List.of("TERRITORY", "CEASEFIRE"), 0.5);
        var wire = alert("a1", "cluster-x", match("TERRITORY", 0.9), match("CEASEFIRE", 0.6));
        var other = alert("a2", "cluster-y", match("CEASEFIRE", 0.7));
        var syndicated = alert("a3", "cluster-x", match("CEASEFIRE", 0.8));

        var digest = DigestGrouping.group(DIGEST, subscription, START, END, List.of(wire, other, syndicated));

        assertThat(digest.sections()).containsExactly(
                new Digest.Section("TERRITORY", List.of(new Digest.Cluster("cluster-x", List.of(wire)))),
                new Digest.Section("CEASEFIRE", List.of(
                        new Digest.Cluster("cluster-x", List.of(wire, syndicated)),
                        new Digest.Cluster("cluster-y", List.of(other)))));
        assertThat(digest.alertCount()).isEqualTo(3);
        assertThat(digest.subjectId()).isEqualTo("digest:6f1c1f7e-8d0b-4c55-9a53-3c7a5e1d2b10");
    }

    @Test
    void leavesOutMatchesBelowTheMinimumConfidenceAndCategoriesWithNothingInThem() {
        var subscription = subscription(List.of("NEUTRALITY", "TERRITORY"), 0.5);
        var unsure = alert("a1", "cluster-x", match("TERRITORY", 0.4), match("NEUTRALITY", 0.9));

        var digest = DigestGrouping.group(DIGEST, subscription, START, END, List.of(unsure));

        assertThat(digest.sections()).extracting(Digest.Section::category).containsExactly("NEUTRALITY");
    }

    @Test
    void treatsAStoryWithoutAClusterAsAClusterOfItsOwn() {
        var subscription = subscription(List.of("CEASEFIRE"), 0);
        var loose = alert("a1", null, match("CEASEFIRE", 0.9));

        var digest = DigestGrouping.group(DIGEST, subscription, START, END, List.of(loose));

        assertThat(digest.sections().getFirst().clusters().getFirst().clusterId()).isEqualTo("story-a1");
    }

    private static Subscription subscription(List<String> categories, double minConfidence) {
        return new Subscription(UUID.randomUUID(), Channel.WEBHOOK, "https://hooks.example.org/d", categories,
                minConfidence, List.of(), List.of(), Mode.DIGEST, DigestSchedule.daily(8, ZoneId.of("Europe/Kyiv")),
                SubscriptionStatus.ACTIVE, "whsec_x", "unsubscribe", null, null, START);
    }

    private static Alert.Match match(String category, double confidence) {
        return new Alert.Match(category.toLowerCase(Locale.ROOT), category, confidence,
                List.of("Evidence of " + category + "."), Stance.REPORTED);
    }

    private static Alert alert(String id, String cluster, Alert.Match... matches) {
        var categories = Arrays.stream(matches).map(Alert.Match::category).distinct().toList();
        return new Alert(id, "story-" + id, cluster, new Alert.StoryRef("Title " + id, "https://example.com/" + id,
                "example.com", START), categories, List.of(matches), "sha256:0", START);
    }
}
