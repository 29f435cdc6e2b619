package wirewatch.classify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class RequiredTermsTests {

    @Test
    void aPhraseNeedsEachOfItsAnalysedTermsInWhicheverField() throws ParseException {
        assertThat(RequiredTerms.of(parse("\"lifting sanctions\"~3")))
                .containsExactly(Set.of("lift"), Set.of("sanction"));
    }

    @Test
    void aDisjunctionNeedsOneTermOfItsAlternatives() throws ParseException {
        assertThat(RequiredTerms.of(parse("truce OR ceasefire OR \"halt fighting\"~2")))
                .containsExactly(Set.of("truce", "ceasefir", "halt"));
    }

    @Test
    void requiredClausesAddUpAndExclusionsNeedNothing() throws ParseException {
        assertThat(RequiredTerms.of(parse("nato AND (russia OR moscow) AND NOT gaza")))
                .containsExactlyInAnyOrder(Set.of("nato"), Set.of("russia", "moscow"));
    }

    @Test
    void aWildcardNeedsNothingSoItsRuleIsTriedOnEveryStory() throws ParseException {
        assertThat(RequiredTerms.of(parse("sanction*"))).isEmpty();
        assertThat(RequiredTerms.of(parse("truce OR sanction*"))).isEmpty();
        assertThat(RequiredTerms.of(parse("truce AND sanction*"))).containsExactly(Set.of("truce"));
    }

    private static Query parse(String query) throws ParseException {
        return new MultiFieldQueryParser(new String[] {"title", "body"}, StoryDocuments.ANALYZER).parse(query);
    }
}
