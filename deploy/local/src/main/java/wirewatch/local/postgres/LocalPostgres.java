package wirewatch.local.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL on a fixed port with a kept data directory; {@link #start} creates the login role and the databases when
 * they are missing and leaves existing ones (and their Flyway history) alone.
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    /**
     * @param dataDirectory kept between runs; created and initialised on first use
     * @param logFile       the server's output
     * @param port          the port the services connect to
     * @param user          login role owning the databases; its password is the same as {@code password}
     * @param databases     created when missing, owned by {@code user}
     */
    public record Settings(Path dataDirectory, Path logFile, int port, String user, String password,
                           List<String> databases) {
    }

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static LocalPostgres start(Settings settings) {
        try {
            Files.createDirectories(settings.dataDirectory());
            Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
            stopLeftOverServer(settings.dataDirectory());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(settings.port())
                    .setDataDirectory(settings.dataDirectory())
                    .setCleanDataDirectory(false)
                    // Checkpoints by time, not by WAL volume. After a checkpoint begins, the first change to each page
                    // writes the whole page into the WAL, and ingest's band index takes its inserts on pages all over
                    // it: at 200 stories/s one checkpoint brought 54,000 full pages (440 MB) within ten seconds, so
                    // with the default 1 GB of WAL the next one began 87 s later, and the ten seconds of a load-test
                    // run in which one began had a p99 of 0.3 s. Between checkpoints a story writes about 18 KB of
                    // WAL, so at 200/s these 8 GB (a checkpoint is due at about half) last the 15 minutes. README,
                    // "Running it".
                    .setServerConfig("max_wal_size", "8GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    // Room for ingest's band index, which every story probes and writes at 48 random places: with the
                    // default 128 MB it outgrew the buffers within minutes at 200 stories/s, and each story then read and
                    // evicted pages through the kernel. It takes about 45 MB per 10,000 stories in the window, so 1 GB
                    // holds about 200,000. Only the pages used are taken from the machine. README, "Running it".
                    .setServerConfig("shared_buffers", "1GB")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(settings.logFile().toFile()))
                    .start();
            LocalPostgres local = new LocalPostgres(postgres);
            local.ensureRoleAndDatabases(settings);
            return local;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + settings.port() + " with data in "
                    + settings.dataDirectory().toAbsolutePath() + ". See " + settings.logFile().toAbsolutePath(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the role or databases: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRoleAndDatabases(Settings settings) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", settings.user())) {
                statement.execute("CREATE ROLE " + identifier(settings.user()) + " LOGIN PASSWORD "
                        + literal(settings.password()));
            }
            for (String database : settings.databases()) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    statement.execute("CREATE DATABASE " + identifier(database) + " OWNER "
                            + identifier(settings.user()));
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    // DDL takes no bind parameters, so names are quoted by hand.
    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A launcher killed with -9 runs no shutdown hook and leaves its PostgreSQL running on the data directory, holding
     * the port and refusing a second server. Its clients (the services) exit by themselves, so a smart shutdown
     * (SIGTERM) completes. Called by {@link #start}; callable earlier, before checking that the port is free.
     */
    public static void stopLeftOverServer(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(lines.getFirst().trim()))
                .filter(process -> process.info().command().orElse("").contains("postgres"))
                .ifPresent(LocalPostgres::stopAndWait);
    }

    private static void stopAndWait(ProcessHandle leftOver) {
        System.out.println("Stopping PostgreSQL left over from an earlier run (pid " + leftOver.pid() + ")");
        leftOver.destroy();
        try {
            leftOver.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            leftOver.destroyForcibly();
        }
    }
}
