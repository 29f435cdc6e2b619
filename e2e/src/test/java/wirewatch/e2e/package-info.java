/**
 * End-to-end tests: the three service jars as their own JVMs against one Kafka broker, PostgreSQL, an SMTP server
 * and a real HTTP receiver. The infrastructure comes embedded ({@link wirewatch.e2e.EmbeddedInfrastructure}, always)
 * or from containers ({@link wirewatch.e2e.ContainerInfrastructure}, where Docker runs); the scenario is the same.
 */
package wirewatch.e2e;
