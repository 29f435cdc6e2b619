package wirewatch.e2e;

/** The end-to-end scenario on an embedded KRaft broker and an embedded PostgreSQL: runs everywhere, Docker or not. */
class EndToEndIntegrationTests extends EndToEndScenario {

    @Override
    protected Infrastructure startInfrastructure() {
        return new EmbeddedInfrastructure();
    }
}
