package wirewatch.e2e;

/** The broker and database the services run against; the scenario does not care where they come from. */
interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** A JDBC URL to a database of that name, created empty. */
    String jdbcUrl(String database);

    String databaseUser();

    String databasePassword();

    @Override
    void close();
}
