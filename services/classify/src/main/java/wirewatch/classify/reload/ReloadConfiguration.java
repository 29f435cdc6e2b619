package wirewatch.classify.reload;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.RulesProperties;

/** Hot reload exists only for a rules directory: the pack bundled in the jar cannot change while it runs. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${wirewatch.rules.directory:}'.isBlank()")
class ReloadConfiguration {

    @Bean
    RulesDirectoryWatcher rulesDirectoryWatcher(RulesProperties properties, ActiveRuleSet rules,
            MeterRegistry registry) {
        var reloader = new RulesReloader(properties.directory(), rules, registry);
        return new RulesDirectoryWatcher(properties.directory(), properties.reloadDebounce(),
                properties.pollInterval(), reloader);
    }
}
