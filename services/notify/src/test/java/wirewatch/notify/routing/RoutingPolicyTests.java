package wirewatch.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wirewatch.notify.routing.RoutingPolicy.Decision;
import wirewatch.notify.routing.RoutingPolicy.Holder;
import wirewatch.notify.subscription.Mode;

class RoutingPolicyTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final RoutingPolicy policy = new RoutingPolicy(new FloodProperties(Duration.ofHours(24), 3));

    @Test
    void keepsEverythingForADigestSubscription() {
        var held = Map.of("TERRITORY", new Holder("earlier", NOW.minusSeconds(60)));

        assertThat(policy.decide(Mode.DIGEST, List.of("TERRITORY"), held, 99, NOW))
                .isEqualTo(new Decision(Route.DIGEST, List.of(), null));
    }

    @Test
    void sendsTheFirstAlertOfAClusterAndClaimsEachOfItsCategories() {
        assertThat(policy.decide(Mode.INSTANT, List.of("TERRITORY", "CEASEFIRE"), Map.of(), 0, NOW))
                .isEqualTo(new Decision(Route.INSTANT, List.of("TERRITORY", "CEASEFIRE"), null));
    }

    @Test
    void suppressesACopyWhoseEveryCategoryWasSentWithinTheWindow() {
        var held = Map.of("TERRITORY", new Holder("first", NOW.minus(Duration.ofHours(23))),
                "CEASEFIRE", new Holder("second", NOW.minus(Duration.ofHours(1))));

        assertThat(policy.decide(Mode.INSTANT, List.of("TERRITORY", "CEASEFIRE"), held, 0, NOW))
                .isEqualTo(new Decision(Route.SUPPRESSED, List.of(), "first"));
    }

    @Test
    void sendsACopyThatBringsANewCategoryAndClaimsOnlyThatOne() {
        var held = Map.of("TERRITORY", new Holder("first", NOW.minus(Duration.ofHours(2))));

        assertThat(policy.decide(Mode.INSTANT, List.of("TERRITORY", "CEASEFIRE"), held, 1, NOW))
                .isEqualTo(new Decision(Route.INSTANT, List.of("CEASEFIRE"), null));
    }

    @Test
    void sendsAgainOnceTheWindowHasPassed() {
        var held = Map.of("TERRITORY", new Holder("first", NOW.minus(Duration.ofHours(24))));

        assertThat(policy.decide(Mode.INSTANT, List.of("TERRITORY"), held, 0, NOW))
                .isEqualTo(new Decision(Route.INSTANT, List.of("TERRITORY"), null));
    }

    @Test
    void sendsTheThirdAlertOfTheHourAndOverflowsTheFourthIntoADigest() {
        assertThat(policy.decide(Mode.INSTANT, List.of("CEASEFIRE"), Map.of(), 2, NOW).route())
                .isEqualTo(Route.INSTANT);
        assertThat(policy.decide(Mode.INSTANT, List.of("CEASEFIRE"), Map.of(), 3, NOW))
                .isEqualTo(new Decision(Route.OVERFLOW, List.of(), null));
    }

    @Test
    void suppressesACopyRatherThanCountingItAgainstTheCap() {
        var held = Map.of("CEASEFIRE", new Holder("first", NOW.minusSeconds(1)));

        assertThat(policy.decide(Mode.INSTANT, List.of("CEASEFIRE"), held, 3, NOW).route())
                .isEqualTo(Route.SUPPRESSED);
    }

    @Test
    void sendsEveryCopyWhenTheWindowIsZero() {
        var unguarded = new RoutingPolicy(new FloodProperties(Duration.ZERO, 3));
        var held = Map.of("CEASEFIRE", new Holder("first", NOW));

        assertThat(unguarded.decide(Mode.INSTANT, List.of("CEASEFIRE"), held, 0, NOW).route())
                .isEqualTo(Route.INSTANT);
    }
}
