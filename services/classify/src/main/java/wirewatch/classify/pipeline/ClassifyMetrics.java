package wirewatch.classify.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.Classification;

/**
 * The service's meters: stories by result, matches by category, classification time, rule errors, and the
 * size of the active rule set. Tags stay low-cardinality: categories are few, rule ids are not used.
 */
@Component
class ClassifyMetrics {

    private final MeterRegistry registry;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter failed;
    private final Counter ruleErrors;
    private final Timer duration;
    /** Looked up once per category: finding a meter by name and tags costs more than counting. */
    private final Map<String, Counter> matchesByCategory = new ConcurrentHashMap<>();

    ClassifyMetrics(MeterRegistry registry, ActiveRuleSet rules) {
        this.registry = registry;
        this.matched = stories("matched");
        this.unmatched = stories("unmatched");
        this.failed = stories("failed");
        this.ruleErrors = Counter.builder("wirewatch.classify.rule.errors")
                .description("Rules that threw while matching a story (the story was still classified)")
                .register(registry);
        this.duration = Timer.builder("wirewatch.classify.duration")
                .description("Time to classify one story against the active rule set")
                .register(registry);
        registry.gauge("wirewatch.classify.rules", rules, active -> active.current().ruleSet().rules().size());
    }

    private Counter stories(String result) {
        return Counter.builder("wirewatch.classify.stories")
                .description("Stories consumed, by outcome")
                .tag("result", result)
                .register(registry);
    }

    Classification time(Supplier<Classification> classification) {
        return duration.record(classification);
    }

    void record(Classification classification) {
        (classification.matched() ? matched : unmatched).increment();
        classification.categories().forEach(category -> matchesByCategory.computeIfAbsent(category,
                name -> registry.counter("wirewatch.classify.matches", "category", name)).increment());
        ruleErrors.increment(classification.errors().size());
    }

    /** A story that could not be read or classified and went to the dead-letter topic. */
    void failed() {
        failed.increment();
    }
}
