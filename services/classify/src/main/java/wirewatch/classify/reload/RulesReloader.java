package wirewatch.classify.reload;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.RuleSetStatus;
import wirewatch.classify.classifier.RuleSetStatus.Outcome;
import wirewatch.classify.rules.RuleSources;

/** Reloads the rules directory into the active rule set, and counts and logs how each attempt went. */
class RulesReloader {

    private static final Logger log = LoggerFactory.getLogger(RulesReloader.class);

    private final Path directory;
    private final String origin;
    private final ActiveRuleSet rules;
    private final Map<Outcome, Counter> reloads = new EnumMap<>(Outcome.class);

    RulesReloader(Path directory, ActiveRuleSet rules, MeterRegistry registry) {
        this.directory = directory;
        this.origin = directory.toAbsolutePath().toString();
        this.rules = rules;
        for (Outcome outcome : Outcome.values()) {
            reloads.put(outcome, Counter.builder("wirewatch.classify.rules.reloads")
                    .description("Attempts to reload the rules directory after it changed, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    /** After a change event: every attempt counts, including one that finds the content as it was. */
    void reload() {
        var status = attempt();
        reloads.get(status.outcome()).increment();
        logged(status);
    }

    /**
     * The safety net, run every poll interval: the same attempt, but finding nothing changed is the normal
     * case here and is neither counted nor logged.
     */
    void poll() {
        var status = attempt();
        if (status.outcome() != Outcome.UNCHANGED) {
            reloads.get(status.outcome()).increment();
            log.info("Rule change in {} found by polling, not by a watch event", origin);
            logged(status);
        }
    }

    private RuleSetStatus attempt() {
        return rules.reload(origin, () -> RuleSources.fromDirectory(directory));
    }

    private void logged(RuleSetStatus status) {
        switch (status.outcome()) {
            case APPLIED -> log.info("Rules reloaded from {}: version {}, {} rules", origin, status.version(),
                    rules.current().ruleSet().rules().size());
            case REJECTED -> log.warn("Rules in {} rejected, still running version {}:\n  {}", origin,
                    rules.current().version(), String.join("\n  ", status.problems()));
            case UNCHANGED -> log.debug("Rules in {} unchanged (version {})", origin, status.version());
        }
    }
}
