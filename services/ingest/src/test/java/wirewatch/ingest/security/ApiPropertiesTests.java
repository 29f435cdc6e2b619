package wirewatch.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class ApiPropertiesTests {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(WithApiProperties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ApiProperties.class)
    static class WithApiProperties {
    }

    @Test
    void refusesToStartWithoutAKeyAndSaysWhatToSet() {
        contexts.withPropertyValues("wirewatch.api.key=  ").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("set WIREWATCH_API_KEY");
        });
    }

    @Test
    void startsWithAKeyAndNeverPrintsIt() {
        contexts.withPropertyValues("wirewatch.api.key=s3cret").run(context -> {
            assertThat(context).hasNotFailed();
            var properties = context.getBean(ApiProperties.class);
            assertThat(properties.key()).isEqualTo("s3cret");
            assertThat(properties.toString()).doesNotContain("s3cret");
        });
    }
}
