package wirewatch.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** An in-process KRaft broker (spring-kafka-test) and a real embedded PostgreSQL (zonky): needs no Docker. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;

    EmbeddedInfrastructure() {
        kafka = new EmbeddedKafkaKraftBroker(1, 3);
        // One broker: the internal topics behind consumer offsets and transactions must fit on it.
        kafka.brokerProperties(Map.of(
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            kafka.destroy();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String jdbcUrl(String database) {
        DataSource admin = postgres.getPostgresDatabase();
        try (var connection = admin.getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public String databaseUser() {
        return "postgres";
    }

    @Override
    public String databasePassword() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            kafka.destroy();
        } finally {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
