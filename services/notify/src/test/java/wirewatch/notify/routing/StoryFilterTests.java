package wirewatch.notify.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import wirewatch.events.Alert;
import wirewatch.events.Stance;

class StoryFilterTests {

    private static final Alert ALERT = alert("Kremlin wants Crimea's status settled first",
            "https://uk.reuters.com/world/europe/kremlin-terms", "reuters.com",
            "Moscow demands control of the Zaporizhzhia nuclear-plant before any truce.",
            "Talks on the Black Sea grain corridor resumed.");

    @Test
    void passesEveryAlertWithoutKeywords() {
        assertThat(StoryFilter.mentionsAny(ALERT, List.of())).isTrue();
    }

    @Test
    void findsAKeywordAsAWholeWordInTheTitleIgnoringCaseAndPossessives() {
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("crimea"))).isTrue();
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("kremlin"))).isTrue();
    }

    @Test
    void findsAPhraseInAnEvidenceSentenceAcrossAHyphen() {
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("zaporizhzhia nuclear plant"))).isTrue();
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("black sea"))).isTrue();
    }

    @Test
    void ignoresPartsOfWordsAndPhrasesWithWordsInBetween() {
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("crime"))).isFalse();
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("zaporizhzhia plant"))).isFalse();
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("kremlin terms"))).isFalse(); // only in the URL
    }

    @Test
    void needsOnlyOneOfSeveralKeywords() {
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("donbas", "grain corridor"))).isTrue();
        assertThat(StoryFilter.mentionsAny(ALERT, List.of("donbas", "kherson"))).isFalse();
    }

    @Test
    void doesNotJoinAPhraseAcrossTwoSentences() {
        var alert = alert("Ceasefire holds", null, null, "Talks went on in Black", "Sea ports stayed shut.");

        assertThat(StoryFilter.mentionsAny(alert, List.of("black sea"))).isFalse();
    }

    @Test
    void passesEveryAlertWithoutSources() {
        assertThat(StoryFilter.fromAny(ALERT, List.of())).isTrue();
    }

    @Test
    void matchesTheSourceOrTheUrlHostIncludingSubdomains() {
        assertThat(StoryFilter.fromAny(ALERT, List.of("reuters.com"))).isTrue();
        assertThat(StoryFilter.fromAny(ALERT, List.of("uk.reuters.com"))).isTrue();
        var bySource = alert("t", "https://example.org/a", "Feeds.BBC.co.uk", "e");
        assertThat(StoryFilter.fromAny(bySource, List.of("bbc.co.uk"))).isTrue();
    }

    @Test
    void refusesOtherDomainsEvenWithTheSameEnding() {
        assertThat(StoryFilter.fromAny(ALERT, List.of("ters.com", "apnews.com"))).isFalse();
        assertThat(StoryFilter.fromAny(ALERT, List.of("world.reuters.com"))).isFalse();
    }

    @Test
    void refusesAnAlertWithoutAStoryWhenSourcesAreSet() {
        var bare = new Alert("a", "s", "c", null, List.of("CEASEFIRE"), List.of(), "v", Instant.EPOCH);

        assertThat(StoryFilter.fromAny(bare, List.of("reuters.com"))).isFalse();
        assertThat(StoryFilter.mentionsAny(bare, List.of("ceasefire"))).isFalse();
    }

    private static Alert alert(String title, String url, String source, String... evidence) {
        return new Alert("alert-1", "story-1", "cluster-1",
                new Alert.StoryRef(title, url, source, Instant.parse("2026-11-24T08:00:00Z")),
                List.of("TERRITORY", "CEASEFIRE"),
                List.of(new Alert.Match("territory", "TERRITORY", 0.8, List.of(evidence[0]), Stance.DEMANDED),
                        new Alert.Match("ceasefire", "CEASEFIRE", 0.5,
                                List.of(evidence).subList(1, evidence.length), Stance.REPORTED)),
                "sha256:0", Instant.parse("2026-11-24T08:01:00Z"));
    }
}
