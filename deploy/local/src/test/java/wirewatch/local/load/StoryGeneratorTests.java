package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StoryGeneratorTests {

    private final List<StoryGenerator.GeneratedStory> stories = IntStream.range(0, 300)
            .mapToObj(new StoryGenerator(42, "run1")::next)
            .toList();

    @Test
    void givesEveryStoryItsOwnUrlWithinTheRun() {
        assertThat(stories.get(0).url()).isEqualTo("https://load.wirewatch.test/run1/0");
        assertThat(stories.get(7).url()).isEqualTo("https://load.wirewatch.test/run1/7");
        assertThat(stories.stream().map(StoryGenerator.GeneratedStory::url).distinct()).hasSize(300);
    }

    @Test
    void alternatesCeasefireAndSanctionsReliefStories() {
        assertThat(stories.get(0).category()).isEqualTo("CEASEFIRE");
        assertThat(stories.get(1).category()).isEqualTo("SANCTIONS_RELIEF");
        assertThat(stories).filteredOn(story -> story.category().equals("CEASEFIRE"))
                .allSatisfy(story -> assertThat(story.body().toLowerCase(Locale.ROOT))
                        .containsAnyOf("ceasefire", "truce")
                        .containsAnyOf("kyiv", "ukraine"));
        assertThat(stories).filteredOn(story -> story.category().equals("SANCTIONS_RELIEF"))
                .allSatisfy(story -> assertThat(story.body().toLowerCase(Locale.ROOT))
                        .containsAnyOf("lift sanctions", "easing sanctions", "sanctions relief")
                        .containsAnyOf("moscow", "russian", "russia"));
    }

    @Test
    void namesNoOtherWarThatWouldTakeAStoryOutOfTheRulesContext() {
        assertThat(stories).allSatisfy(story -> assertThat(
                (story.title() + " " + story.body()).toLowerCase(Locale.ROOT))
                .doesNotContain("gaza", "israel", "iran", "syria", "belarus", "minsk", "korea"));
    }

    /**
     * Ingest clusters two stories when half of the smaller one's four-word shingles (within sentences) are in the
     * other; generated stories must stay far below that, or flood control would keep their alerts back.
     */
    @Test
    void sharesWellUnderHalfOfItsFourWordShinglesWithAnyOtherStory() {
        List<Set<String>> shingles = stories.stream().map(story -> shingles(story.body())).toList();
        double highest = 0;
        for (int a = 0; a < shingles.size(); a++) {
            for (int b = a + 1; b < shingles.size(); b++) {
                var shared = new HashSet<>(shingles.get(a));
                shared.retainAll(shingles.get(b));
                int smaller = Math.min(shingles.get(a).size(), shingles.get(b).size());
                highest = Math.max(highest, (double) shared.size() / smaller);
            }
        }
        assertThat(highest).isLessThan(0.4);
    }

    private static Set<String> shingles(String body) {
        Set<String> shingles = new HashSet<>();
        for (String sentence : body.split("(?<=[.!?])\\s+")) {
            String[] words = sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ");
            for (int i = 0; i + 4 <= words.length; i++) {
                shingles.add(String.join(" ", List.of(words).subList(i, i + 4)));
            }
        }
        return shingles;
    }
}
