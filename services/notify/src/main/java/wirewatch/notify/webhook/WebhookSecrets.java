package wirewatch.notify.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import wirewatch.notify.subscription.Subscription;

/**
 * The {@code webhook_secrets} table: every secret a rotated webhook subscription has had, each with its expiry.
 * The subscription row always holds the current secret (the one without an expiry), so the common case, a
 * subscription in no rotation's overlap, needs no lookup at all; the previous secrets still in their overlap are
 * few (rotations of the last day, by default) and kept in memory, re-read every {@code secret-refresh} and at once
 * after a rotation made here. Another instance's rotation shows within that refresh: until then this instance
 * signs with the new secret only. No proxy stands in front of it (no {@code @Transactional}, no
 * {@code @Repository}): {@link #current} is called for every delivery.
 */
@Component
class WebhookSecrets implements SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Previous(String secret, Instant createdAt, Instant expiresAt) {
    }

    private record Snapshot(Map<UUID, List<Previous>> bySubscription, Instant readAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Duration refresh;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    WebhookSecrets(JdbcClient jdbc, TransactionOperations transactions, WebhookProperties properties) {
        this(jdbc, transactions, properties.secretRefresh(), Clock.systemUTC());
    }

    WebhookSecrets(JdbcClient jdbc, TransactionOperations transactions, Duration refresh, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.refresh = refresh;
        this.clock = clock;
    }

    @Override
    public List<String> current(Subscription subscription) {
        var now = clock.instant();
        var previous = snapshot(now).bySubscription().getOrDefault(subscription.id(), List.of());
        if (previous.isEmpty()) {
            return List.of(subscription.secret());
        }
        var secrets = new ArrayList<String>(1 + previous.size());
        secrets.add(subscription.secret());
        previous.stream()
                .filter(secret -> secret.expiresAt().isAfter(now) && !secret.secret().equals(subscription.secret()))
                .forEach(secret -> secrets.add(secret.secret()));
        return secrets;
    }

    /**
     * Issues a new secret, current from now on, and lets every secret valid until now expire after {@code overlap}
     * (or earlier, if it was to expire earlier anyway). The subscription row is locked meanwhile, so two rotations
     * at once are one after the other.
     */
    Rotated rotate(Subscription subscription, Duration overlap) {
        return transactions.execute(status -> rotateInTransaction(subscription, overlap));
    }

    private Rotated rotateInTransaction(Subscription subscription, Duration overlap) {
        var now = clock.instant();
        var expires = now.plus(overlap);
        var id = subscription.id();
        jdbc.sql("select id from subscriptions where id = ? for update").param(id).query(UUID.class).single();
        // The first rotation: the secret from creation gets its row, so it can expire like any other.
        jdbc.sql("""
                        insert into webhook_secrets (subscription_id, secret, created_at)
                        select id, secret, created_at from subscriptions where id = ?
                        on conflict do nothing""")
                .param(id).update();
        jdbc.sql("""
                        update webhook_secrets set expires_at = ?
                         where subscription_id = ? and (expires_at is null or expires_at > ?)""")
                .params(utc(expires), id, utc(expires)).update();
        var secret = newSecret();
        jdbc.sql("insert into webhook_secrets (subscription_id, secret, created_at) values (?, ?, ?)")
                .params(id, secret, utc(now)).update();
        jdbc.sql("update subscriptions set secret = ? where id = ?").params(secret, id).update();
        snapshot = null;
        return new Rotated(secret, expires);
    }

    /** @param previousExpireAt when the secrets valid before the rotation stop signing */
    record Rotated(String secret, Instant previousExpireAt) {
    }

    private Snapshot snapshot(Instant now) {
        var current = snapshot;
        if (current != null && current.readAt().plus(refresh).isAfter(now)) {
            return current;
        }
        var read = jdbc.sql("""
                        select subscription_id, secret, created_at, expires_at from webhook_secrets
                         where expires_at > ?""")
                .param(utc(now))
                .query((row, number) -> Map.entry(row.getObject("subscription_id", UUID.class), new Previous(
                        row.getString("secret"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(),
                        row.getObject("expires_at", OffsetDateTime.class).toInstant())))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.collectingAndThen(
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()),
                        list -> list.stream().sorted(Comparator.comparing(Previous::createdAt).reversed()).toList())));
        var fresh = new Snapshot(read, now);
        snapshot = fresh;
        return fresh;
    }

    /** A Standard Webhooks secret: {@code whsec_} and the base64 of 24 random bytes, as issued at creation. */
    private static String newSecret() {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
