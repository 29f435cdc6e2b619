package wirewatch.classify.classifier;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wirewatch.classify.rules.RuleSources;

/** Wires the plain classifier classes into Spring and loads the rules at startup (an invalid set stops it). */
@Configuration(proxyBeanMethods = false)
class ClassifierConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    ActiveRuleSet activeRuleSet(RulesProperties properties, Clock clock) {
        var rules = new ActiveRuleSet(new RuleSetCompiler(clock, properties.matching()), clock);
        if (properties.hasDirectory()) {
            var directory = properties.directory();
            rules.load(directory.toAbsolutePath().toString(), () -> RuleSources.fromDirectory(directory));
        } else {
            rules.load(RuleSources.DEFAULT_PACK_ORIGIN, RuleSources::defaultPack);
        }
        return rules;
    }
}
