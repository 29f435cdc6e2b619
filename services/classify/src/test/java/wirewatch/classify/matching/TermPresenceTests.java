package wirewatch.classify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class TermPresenceTests {

    private final AnalysedStory story = AnalysedStory.of(
            new StoryText("Kremlin rejects truce", "Moscow said the ceasefire in Gaza was a matter for Israel."));

    @Test
    void answersBooleansOfTermsFromTheStorysTermsPerField() throws ParseException {
        assertThat(presence("kremlin OR kyiv").holds(story)).isTrue();
        assertThat(presence("kyiv OR zelensky").holds(story)).isFalse();
        assertThat(presence("title:truce AND body:ceasefire").holds(story)).isTrue();
        assertThat(presence("body:truce").holds(story)).isFalse();
    }

    @Test
    void honoursExclusionsAndNeverMatchesOnExclusionsAlone() throws ParseException {
        assertThat(presence("(russia OR moscow) AND NOT (gaza OR israel)").holds(story)).isFalse();
        assertThat(presence("(russia OR moscow) AND NOT (syria OR iran)").holds(story)).isTrue();
        assertThat(presence("-syria").holds(story)).isFalse();
    }

    @Test
    void leavesPhrasesAndWildcardsToLucene() throws ParseException {
        assertThat(TermPresence.of(parse("\"reject truce\"~2"))).isNull();
        assertThat(TermPresence.of(parse("kremlin OR truc*"))).isNull();
    }

    private static TermPresence presence(String query) throws ParseException {
        var presence = TermPresence.of(parse(query));
        assertThat(presence).isNotNull();
        return presence;
    }

    private static Query parse(String query) throws ParseException {
        return new MultiFieldQueryParser(new String[] {"title", "body"}, StoryDocuments.ANALYZER).parse(query);
    }
}
