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
        var rules = new ActiveRuleSet(new RuleSetCompiler(clock), clock);
        var directory = properties.directory();
        if (directory == null || directory.toString().isBlank()) {
            rules.load("classpath:rules/", RuleSources::defaultPack);
        } else {
            rules.load(directory.toAbsolutePath().toString(), () -> RuleSources.fromDirectory(directory));
        }
        return rules;
    }
}
