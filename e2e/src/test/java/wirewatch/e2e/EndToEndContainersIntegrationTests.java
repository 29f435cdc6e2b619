package wirewatch.e2e;

import org.testcontainers.junit.jupiter.Testcontainers;

/** The same scenario against Kafka and PostgreSQL containers; skipped, and reported as skipped, without Docker. */
@Testcontainers(disabledWithoutDocker = true)
class EndToEndContainersIntegrationTests extends EndToEndScenario {

    @Override
    protected Infrastructure startInfrastructure() {
        return new ContainerInfrastructure();
    }
}
