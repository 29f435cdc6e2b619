package wirewatch.classify.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.RuleSetStatus;
import wirewatch.classify.classifier.RulesProperties;

/**
 * The rule set in use and how the last loads went, so an operator can tell which rules produced an alert and
 * why an edit did not take effect.
 */
@RestController
class RulesController {

    private final ActiveRuleSet rules;
    private final RulesProperties properties;

    RulesController(ActiveRuleSet rules, RulesProperties properties) {
        this.rules = rules;
        this.properties = properties;
    }

    record RuleView(String id, String category, String source) {
    }

    /**
     * @param status  the last load attempt: {@code REJECTED} here, next to the still-active {@code version},
     *                means an edit was refused and its {@code problems} say where
     * @param history the last load attempts, oldest first
     */
    record RulesView(String version, String origin, Instant loadedAt, int ruleCount, List<RuleView> rules,
            RuleSetStatus status, List<RuleSetStatus> history, HotReload hotReload) {
    }

    record HotReload(boolean enabled, String detail, Duration debounce, Duration pollInterval) {
    }

    @GetMapping("/api/rules")
    RulesView rules() {
        var current = rules.current();
        var ruleSet = current.ruleSet();
        var views = ruleSet.rules().stream()
                .map(rule -> new RuleView(rule.id(), rule.category(), rule.location().toString()))
                .toList();
        return new RulesView(ruleSet.version(), ruleSet.origin(), current.loadedAt(), views.size(), views,
                rules.status(), rules.history(), hotReload());
    }

    private HotReload hotReload() {
        if (properties.hasDirectory()) {
            return new HotReload(true, "watching " + properties.directory().toAbsolutePath()
                    + "; a changed valid set replaces this one, an invalid one is rejected and this one keeps running",
                    properties.reloadDebounce(), properties.pollInterval());
        }
        return new HotReload(false, "running the default pack bundled in the jar, which cannot change; set "
                + "wirewatch.rules.directory (WIREWATCH_RULES_DIRECTORY) to a directory to reload rules on change",
                null, null);
    }
}
