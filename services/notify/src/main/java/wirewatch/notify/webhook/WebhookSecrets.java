package wirewatch.notify.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import wirewatch.notify.subscription.Subscription;

/**
 * The {@code webhook_secrets} table: the secrets a webhook subscription got by rotation, each valid until it
 * expires. A subscription never rotated has none, and signs with the secret it was created with.
 */
@Repository
class WebhookSecrets implements SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    WebhookSecrets(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    WebhookSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<String> current(Subscription subscription) {
        var rotated = jdbc.sql("""
                        select secret from webhook_secrets
                         where subscription_id = ? and (expires_at is null or expires_at > ?)
                         order by created_at desc""")
                .params(subscription.id(), utc(clock.instant()))
                .query(String.class).list();
        return rotated.isEmpty() ? List.of(subscription.secret()) : rotated;
    }

    /**
     * Issues a new secret, valid from now on, and lets every secret valid until now expire after {@code overlap}
     * (or earlier, if it was to expire earlier anyway). The subscription row is locked meanwhile, so two rotations
     * at once are one after the other.
     */
    @Transactional
    Rotated rotate(Subscription subscription, Duration overlap) {
        var now = clock.instant();
        var expires = now.plus(overlap);
        jdbc.sql("select id from subscriptions where id = ? for update").param(subscription.id())
                .query(UUID.class).single();
        // The first rotation: the secret from creation becomes an ordinary row, so it can expire like any other.
        jdbc.sql("""
                        insert into webhook_secrets (subscription_id, secret, created_at)
                        select id, secret, created_at from subscriptions
                         where id = ? and not exists (select 1 from webhook_secrets where subscription_id = ?)""")
                .params(subscription.id(), subscription.id()).update();
        jdbc.sql("""
                        update webhook_secrets set expires_at = ?
                         where subscription_id = ? and (expires_at is null or expires_at > ?)""")
                .params(utc(expires), subscription.id(), utc(expires)).update();
        var secret = newSecret();
        jdbc.sql("insert into webhook_secrets (subscription_id, secret, created_at) values (?, ?, ?)")
                .params(subscription.id(), secret, utc(now)).update();
        return new Rotated(secret, expires);
    }

    /** @param previousExpireAt when the secrets valid before the rotation stop signing */
    record Rotated(String secret, Instant previousExpireAt) {
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
