package wirewatch.notify.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code subscriptions} table. */
@Repository
public class SubscriptionStore {

    private static final String COLUMNS = """
            id, channel, target, categories, min_confidence, keywords, sources, mode, digest_frequency, digest_hour,
            digest_time_zone, status, secret, unsubscribe_token, confirmation_token, disabled_reason, created_at""";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription subscription) {
        var digest = subscription.digest();
        jdbc.sql("""
                        insert into subscriptions (id, channel, target, categories, min_confidence, keywords, sources,
                                                   mode, digest_frequency, digest_hour, digest_time_zone, status,
                                                   secret, unsubscribe_token, confirmation_token, created_at)
                        values (:id, :channel, :target, :categories, :minConfidence, :keywords, :sources, :mode,
                                :digestFrequency, :digestHour, :digestTimeZone, :status, :secret, :unsubscribeToken,
                                :confirmationToken, :createdAt)""")
                .param("id", subscription.id())
                .param("channel", subscription.channel().id())
                .param("target", subscription.target())
                .param("categories", subscription.categories().toArray(String[]::new))
                .param("minConfidence", subscription.minConfidence())
                .param("keywords", subscription.keywords().toArray(String[]::new))
                .param("sources", subscription.sources().toArray(String[]::new))
                .param("mode", subscription.mode().id())
                .param("digestFrequency", digest == null ? null : digest.frequency().id())
                .param("digestHour", digest == null ? null : digest.hour())
                .param("digestTimeZone", digest == null ? null : digest.timeZone().getId())
                .param("status", subscription.status().id())
                .param("secret", subscription.secret())
                .param("unsubscribeToken", subscription.unsubscribeToken())
                .param("confirmationToken", subscription.confirmationToken())
                .param("createdAt", OffsetDateTime.ofInstant(subscription.createdAt(), ZoneOffset.UTC))
                .update();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from subscriptions where id = ?").param(id)
                .query(SubscriptionStore::subscription).optional();
    }

    /**
     * The active subscriptions, instant and digest, that share at least one category with {@code categories};
     * whether the alert passes their other filters is the caller's business.
     */
    public List<Subscription> activeFor(Collection<String> categories) {
        return jdbc.sql("select " + COLUMNS + """
                         from subscriptions
                        where status = 'active' and categories && ?::text[]""")
                .param(categories.toArray(String[]::new))
                .query(SubscriptionStore::subscription).list();
    }

    /** Disabled by its owner: unsubscribed. */
    boolean disable(UUID id) {
        return jdbc.sql("update subscriptions set status = 'disabled' where id = ?").param(id).update() > 0;
    }

    /** Disabled by notify, {@code reason} saying why for the operator; {@code false} when it was not active. */
    public boolean disable(UUID id, String reason) {
        return jdbc.sql("update subscriptions set status = 'disabled', disabled_reason = ? where id = ? "
                        + "and status = 'active'")
                .params(reason, id).update() > 0;
    }

    /**
     * A delivery failed at {@code at}: answers since when the subscription has failed every delivery, {@code at}
     * itself unless it was failing already.
     */
    public Optional<Instant> recordFailure(UUID id, Instant at) {
        return jdbc.sql("""
                        update subscriptions set failing_since = coalesce(failing_since, ?) where id = ?
                        returning failing_since""")
                .params(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), id)
                .query((row, number) -> row.getObject("failing_since", OffsetDateTime.class).toInstant())
                .optional();
    }

    /**
     * Deletes a subscription and everything of it: its digests, secrets and hourly counts by their foreign keys'
     * cascade, its deliveries, routing decisions and flood keys here (they have no foreign key: see V8 and V9).
     */
    boolean delete(UUID id) {
        return jdbc.sql("""
                        with deliveries as (delete from deliveries where subscription_id = ?),
                             decisions as (delete from routing_decisions where subscription_id = ?),
                             keys as (delete from flood_keys where subscription_id = ?)
                        delete from subscriptions where id = ?""")
                .params(id, id, id, id).update() > 0;
    }

    Optional<Subscription> findByConfirmationToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from subscriptions where confirmation_token = ?").param(token)
                .query(SubscriptionStore::subscription).optional();
    }

    Optional<Subscription> findByUnsubscribeToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from subscriptions where unsubscribe_token = ?").param(token)
                .query(SubscriptionStore::subscription).optional();
    }

    /** Activates a pending subscription; an active or disabled one keeps its status. */
    void activateIfPending(UUID id) {
        jdbc.sql("update subscriptions set status = 'active' where id = ? and status = 'pending'").param(id).update();
    }

    private static Subscription subscription(ResultSet row, int rowNumber) throws SQLException {
        var frequency = row.getString("digest_frequency");
        return new Subscription(
                row.getObject("id", UUID.class),
                Channel.fromId(row.getString("channel")).orElseThrow(),
                row.getString("target"),
                strings(row.getArray("categories")),
                row.getDouble("min_confidence"),
                strings(row.getArray("keywords")),
                strings(row.getArray("sources")),
                Mode.fromId(row.getString("mode")).orElseThrow(),
                frequency == null ? null : new DigestSchedule(DigestSchedule.Frequency.fromId(frequency).orElseThrow(),
                        row.getObject("digest_hour", Integer.class), ZoneId.of(row.getString("digest_time_zone"))),
                SubscriptionStatus.fromId(row.getString("status")),
                row.getString("secret"),
                row.getString("unsubscribe_token"),
                row.getString("confirmation_token"),
                row.getString("disabled_reason"),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
