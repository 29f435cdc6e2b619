package wirewatch.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.MutableClock;
import wirewatch.notify.TestDatabases;
import wirewatch.notify.WebhookReceiver;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Mode;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStatus;

/**
 * Rotation as receivers see it: real signed requests to a real HTTP server, checked by a verifier written from the
 * Standard Webhooks specification that knows one secret only, with the secrets in a real PostgreSQL and time moved
 * by hand.
 */
class SecretRotationTests {

    private static final String FIRST_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");
    private static final Duration OVERLAP = Duration.ofHours(24);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabases.newMigratedDatabase());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final WebhookSecrets secrets = new WebhookSecrets(jdbc, TransactionOperations.withoutTransaction(), Duration.ZERO, clock);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final WebhookProperties properties = new WebhookProperties(true, Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofDays(5), OVERLAP, Duration.ZERO, 20, 10);
    private final WebhookSender sender = new WebhookSender(properties, HostResolver.SYSTEM,
            new PrivateNetworkPolicy(properties, HostResolver.SYSTEM), JsonMapper.builder().build(),
            Tracer.NOOP, Propagator.NOOP, new SimpleMeterRegistry(), secrets, clock);
    private final Subscription subscription = insertSubscription(receiver.url(200, "rotating"));

    @AfterEach
    void close() throws Exception {
        sender.close();
        receiver.close();
    }

    @Test
    void signsWithTheSecretFromCreationUntilTheFirstRotation() {
        var request = deliver();

        assertThat(request.header("webhook-signature")).doesNotContain(" ");
        assertThat(acceptedBy(FIRST_SECRET, request)).isTrue();
    }

    @Test
    void aReceiverKnowingEitherSecretAcceptsDuringTheOverlapAndOnlyTheNewOneAfterIt() {
        var rotated = secrets.rotate(subscription, OVERLAP);
        assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(FIRST_SECRET);
        assertThat(rotated.previousExpireAt()).isEqualTo(Instant.parse("2026-11-21T12:00:00Z"));

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        var duringOverlap = deliver();
        assertThat(duringOverlap.header("webhook-signature")).matches("v1,\\S+ v1,\\S+");
        assertThat(acceptedBy(FIRST_SECRET, duringOverlap)).isTrue();
        assertThat(acceptedBy(rotated.secret(), duringOverlap)).isTrue();
        // The newest first: receivers that try the first signature only still move on to the new secret.
        assertThat(duringOverlap.header("webhook-signature").split(" ")[0])
                .isEqualTo(WebhookSignature.sign(rotated.secret(), duringOverlap.header("webhook-id"),
                        Long.parseLong(duringOverlap.header("webhook-timestamp")),
                        duringOverlap.body().getBytes(StandardCharsets.UTF_8)));

        clock.advance(Duration.ofMinutes(1));
        var afterOverlap = deliver();
        assertThat(afterOverlap.header("webhook-signature")).doesNotContain(" ");
        assertThat(acceptedBy(rotated.secret(), afterOverlap)).isTrue();
        assertThat(acceptedBy(FIRST_SECRET, afterOverlap)).isFalse();
    }

    @Test
    void aSecondRotationDuringTheOverlapKeepsTheFirstSecretsEarlierExpiry() {
        var second = secrets.rotate(subscription, OVERLAP);
        clock.advance(Duration.ofHours(12));
        var third = secrets.rotate(subscription, OVERLAP);

        clock.advance(Duration.ofHours(1));
        var withThree = deliver();
        assertThat(withThree.header("webhook-signature").split(" ")).hasSize(3);
        assertThat(List.of(FIRST_SECRET, second.secret(), third.secret()))
                .allSatisfy(secret -> assertThat(acceptedBy(secret, withThree)).isTrue());

        clock.advance(Duration.ofHours(12)); // 25 h after the first rotation, 13 h after the second
        var withTwo = deliver();
        assertThat(acceptedBy(FIRST_SECRET, withTwo)).isFalse();
        assertThat(acceptedBy(second.secret(), withTwo)).isTrue();
        assertThat(acceptedBy(third.secret(), withTwo)).isTrue();

        clock.advance(Duration.ofHours(12));
        var withOne = deliver();
        assertThat(acceptedBy(second.secret(), withOne)).isFalse();
        assertThat(acceptedBy(third.secret(), withOne)).isTrue();
    }

    /** Sends to the subscription as stored now, as the dispatcher reads it afresh for every alert. */
    private WebhookReceiver.Received deliver() {
        var deliveryId = UUID.randomUUID();
        var stored = jdbc.sql("select secret from subscriptions where id = ?").param(subscription.id())
                .query(String.class).single();
        var current = new Subscription(subscription.id(), subscription.channel(), subscription.target(),
                subscription.categories(), subscription.minConfidence(), List.of(), List.of(), subscription.mode(),
                null, subscription.status(), stored, subscription.unsubscribeToken(), null, null,
                subscription.createdAt());
        assertThat(sender.send(deliveryId, current, alert())).isEqualTo(SendOutcome.delivered());
        return receiver.receivedAt(subscription.target()).stream()
                .filter(request -> deliveryId.toString().equals(request.header("webhook-id")))
                .findFirst().orElseThrow();
    }

    private boolean acceptedBy(String secret, WebhookReceiver.Received request) {
        return new StandardWebhooksVerifier(secret).verify(request.header("webhook-id"),
                request.header("webhook-timestamp"), request.header("webhook-signature"), request.body(),
                clock.instant());
    }

    private Subscription insertSubscription(String target) {
        var inserted = new Subscription(UUID.randomUUID(), Channel.WEBHOOK, target, List.of("CEASEFIRE"), 0,
                List.of(), List.of(), Mode.INSTANT, null, SubscriptionStatus.ACTIVE, FIRST_SECRET,
                "unsubscribe-" + UUID.randomUUID(), null, null, CREATED);
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, mode, status, secret,
                                                   unsubscribe_token, created_at)
                        values (?, 'webhook', ?, '{CEASEFIRE}', 'instant', 'active', ?, ?, ?)""")
                .params(inserted.id(), target, FIRST_SECRET, inserted.unsubscribeToken(),
                        OffsetDateTime.ofInstant(CREATED, ZoneOffset.UTC))
                .update();
        return inserted;
    }

    private static Alert alert() {
        return new Alert("alert-1", "story-1", "cluster-1",
                new Alert.StoryRef("A ceasefire is proposed", "https://example.com/ceasefire", "example.com",
                        Instant.parse("2025-05-20T08:00:00Z")),
                List.of("CEASEFIRE"),
                List.of(new Alert.Match("ceasefire", "CEASEFIRE", 0.9, List.of("A ceasefire is proposed."),
                        Stance.PROPOSED)),
                "sha256:0123", Instant.parse("2025-05-20T08:01:00Z"));
    }
}
