package wirewatch.classify.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.classify.classifier.ActiveRuleSet;
import wirewatch.classify.classifier.Classification;
import wirewatch.classify.matching.StoryText;

/** A dry run for rule authors: what the active rules make of a story, with nothing published. */
@RestController
class ClassifyController {

    private final ActiveRuleSet rules;

    ClassifyController(ActiveRuleSet rules) {
        this.rules = rules;
    }

    record ClassifyRequest(String title, String body) {
    }

    record ClassifyResponse(String rulesetVersion, List<String> categories, List<Classification.RuleMatch> matches,
            List<Classification.RuleError> ruleErrors) {
    }

    @PostMapping("/api/classify")
    ClassifyResponse classify(@RequestBody ClassifyRequest request) {
        if (isBlank(request.title()) && isBlank(request.body())) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Both 'title' and 'body' are blank: send the story text in at least one of them");
            problem.setTitle("Nothing to classify");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        var classification = rules.classify(new StoryText(request.title(), request.body()));
        return new ClassifyResponse(classification.rulesetVersion(), classification.categories(),
                classification.matches(), classification.errors());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
