package wirewatch.e2e;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Apache Kafka and PostgreSQL in containers, the images docker-compose.yml runs in production-like setups. */
final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");

    ContainerInfrastructure() {
        kafka.start();
        postgres.start();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword()); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String databaseUser() {
        return postgres.getUsername();
    }

    @Override
    public String databasePassword() {
        return postgres.getPassword();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
