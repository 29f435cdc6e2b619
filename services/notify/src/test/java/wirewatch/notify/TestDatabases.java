package wirewatch.notify;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL (on a free port) for the whole test run, with a fresh database per Spring context so
 * contexts do not see each other's rows. Zonky stops the server with a JVM shutdown hook.
 */
public final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** The JDBC URL of a new, empty database; user and password are both {@code postgres}. */
    public static synchronized String newDatabase() {
        return server().getJdbcUrl("postgres", create());
    }

    /** A new database with notify's schema, for tests that use the stores without a Spring context. */
    public static synchronized DataSource newMigratedDatabase() {
        var dataSource = server().getDatabase("postgres", create());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    private static String create() {
        var name = "notify_" + NEXT.incrementAndGet();
        try (var connection = server().getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return name;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
