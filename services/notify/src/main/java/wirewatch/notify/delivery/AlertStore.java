package wirewatch.notify.delivery;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;

/** The {@code alerts} table: each alert that reached someone, kept for its retries, replays and digests. */
@Repository
public class AlertStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AlertStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Keeps the first copy: an alert id stands for one content. */
    public void save(Alert alert) {
        jdbc.sql("insert into alerts (id, payload) values (?, ?::jsonb) on conflict (id) do nothing")
                .params(alert.id(), json.writeValueAsString(alert)).update();
    }

    public Optional<Alert> find(String id) {
        return jdbc.sql("select payload from alerts where id = ?").param(id)
                .query((row, number) -> json.readValue(row.getString("payload"), Alert.class)).optional();
    }
}
