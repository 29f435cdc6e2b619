package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import wirewatch.classify.matching.RuleMatcher;

class RulesPropertiesTests {

    @Test
    void selectsRulesWithTheTermFilterUnlessToldOtherwise() {
        assertThat(bind(Map.of()).matching()).isEqualTo(RuleMatcher.Strategy.TERM_FILTERED);
    }

    @Test
    void bindsLuceneMonitorFromItsSettingName() {
        assertThat(bind(Map.of("wirewatch.rules.matching", "monitor")).matching())
                .isEqualTo(RuleMatcher.Strategy.MONITOR);
    }

    private static RulesProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wirewatch.rules", RulesProperties.class);
    }
}
