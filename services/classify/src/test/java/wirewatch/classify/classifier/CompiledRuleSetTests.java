package wirewatch.classify.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;
import wirewatch.classify.matching.RuleMatcher;
import wirewatch.classify.matching.RuleQuery;
import wirewatch.classify.matching.RuleQueryParser;
import wirewatch.classify.matching.StoryText;
import wirewatch.classify.rules.Location;
import wirewatch.classify.rules.Rule;
import wirewatch.classify.rules.RuleSet;

class CompiledRuleSetTests {

    @Test
    void reportsARuleThatThrowsBesideTheMatchesOfTheOthers() {
        var truce = rule("truce", "CEASEFIRE", "truce");
        var sanctions = rule("sanctions", "SANCTIONS_RELIEF", "\"lift sanctions\"~3");
        var parser = new RuleQueryParser();
        var queries = List.of(parser.parse(truce, new ArrayList<>()),
                parser.parse(sanctions, new ArrayList<>()),
                new RuleQuery("exploding", new ExplodingQuery()));
        var ruleSet = new RuleSet("sha256:test", "test", List.of(truce, sanctions));

        try (var compiled = new CompiledRuleSet(ruleSet, RuleMatcher.build(queries), Instant.EPOCH)) {
            var classification = compiled.classify(
                    new StoryText("Truce talks", "Moscow wants the West to lift sanctions."));

            assertThat(classification.categories()).containsExactly("CEASEFIRE", "SANCTIONS_RELIEF");
            assertThat(classification.errors()).singleElement().satisfies(error -> {
                assertThat(error.ruleId()).isEqualTo("exploding");
                assertThat(error.message()).contains("rule bug");
            });
        }
    }

    private static Rule rule(String id, String category, String query) {
        var location = new Location("test.yaml", 1);
        return new Rule(id, category, new Rule.Clause(query, location), null, null, 1.0, List.of(), List.of(), location);
    }

    /** A rule whose query fails at match time, as a buggy custom query or a resource limit would. */
    private static final class ExplodingQuery extends Query {

        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
            throw new IllegalStateException("rule bug");
        }

        @Override
        public String toString(String field) {
            return "exploding";
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExplodingQuery;
        }

        @Override
        public int hashCode() {
            return ExplodingQuery.class.hashCode();
        }
    }
}
