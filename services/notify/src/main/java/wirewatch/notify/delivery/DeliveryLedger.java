package wirewatch.notify.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/** The {@code deliveries} table: what was sent to whom, and how it went. */
@Repository
class DeliveryLedger {

    private static final int LONGEST_ERROR = 1000;

    private final JdbcClient jdbc;

    DeliveryLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The delivery of {@code alertId} to {@code subscription}: the one recorded earlier, or a new pending one. */
    Delivery record(String alertId, Subscription subscription) {
        jdbc.sql("""
                        insert into deliveries (id, alert_id, subscription_id, channel, status)
                        values (?, ?, ?, ?, 'pending')
                        on conflict (alert_id, subscription_id) do nothing""")
                .params(UUID.randomUUID(), alertId, subscription.id(), subscription.channel().id())
                .update();
        return jdbc.sql("select * from deliveries where alert_id = ? and subscription_id = ?")
                .params(alertId, subscription.id())
                .query(DeliveryLedger::delivery).single();
    }

    void markDelivered(UUID id) {
        jdbc.sql("""
                        update deliveries
                           set status = 'delivered', attempts = attempts + 1, last_error = null, delivered_at = now()
                         where id = ?""")
                .param(id).update();
    }

    void markFailed(UUID id, String error) {
        var bounded = error.length() > LONGEST_ERROR ? error.substring(0, LONGEST_ERROR) + "…" : error;
        jdbc.sql("update deliveries set status = 'failed', attempts = attempts + 1, last_error = ? where id = ?")
                .params(bounded, id).update();
    }

    /** The newest {@code limit} deliveries of a subscription, newest first. */
    List<Delivery> history(UUID subscriptionId, int limit) {
        return jdbc.sql("select * from deliveries where subscription_id = ? order by created_at desc, id limit ?")
                .params(subscriptionId, limit)
                .query(DeliveryLedger::delivery).list();
    }

    private static Delivery delivery(ResultSet row, int rowNumber) throws SQLException {
        var deliveredAt = row.getObject("delivered_at", OffsetDateTime.class);
        return new Delivery(
                row.getObject("id", UUID.class),
                row.getString("alert_id"),
                row.getObject("subscription_id", UUID.class),
                Channel.valueOf(row.getString("channel").toUpperCase(Locale.ROOT)),
                DeliveryStatus.fromId(row.getString("status")),
                row.getInt("attempts"),
                row.getString("last_error"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                deliveredAt == null ? null : deliveredAt.toInstant());
    }
}
