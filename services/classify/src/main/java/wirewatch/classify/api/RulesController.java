package wirewatch.classify.api;

import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.RuleSetStatus;

/** The rule set in use and how the last load went, so an operator can tell which rules produced an alert. */
@RestController
class RulesController {

    private final ActiveRuleSet rules;

    RulesController(ActiveRuleSet rules) {
        this.rules = rules;
    }

    record RuleView(String id, String category, String source) {
    }

    record RulesView(String version, String origin, Instant loadedAt, int ruleCount, List<RuleView> rules,
            RuleSetStatus status) {
    }

    @GetMapping("/api/rules")
    RulesView rules() {
        var current = rules.current();
        var ruleSet = current.ruleSet();
        var views = ruleSet.rules().stream()
                .map(rule -> new RuleView(rule.id(), rule.category(), rule.location().toString()))
                .toList();
        return new RulesView(ruleSet.version(), ruleSet.origin(), current.loadedAt(), views.size(), views,
                rules.status());
    }
}
