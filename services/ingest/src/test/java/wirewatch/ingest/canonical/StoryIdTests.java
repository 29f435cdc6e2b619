package wirewatch.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Expected ids computed outside the code: printf '%s' "<canonical url>" | sha256sum | cut -c1-32
class StoryIdTests {

    @Test
    void isTheFirst32HexDigitsOfSha256OverTheCanonicalUrl() {
        assertThat(StoryId.of(CanonicalUrl.of("https://www.reuters.com/world/europe/putin-peace-terms-2024-11-20/")))
                .isEqualTo("56c47301ca0e38b29364aeca98dd3ab0");
        assertThat(StoryId.of(CanonicalUrl.of("https://example.com")))
                .isEqualTo("0f115db062b7c0dd030b16878c99dea5");
    }

    @Test
    void isTheSameForEveryLinkToTheSameArticle() {
        var expected = "e5192ac9e67a720902354d9a9b246102";

        assertThat(StoryId.of(CanonicalUrl.of("https://www.example.com/World/Story?a=1&b=2"))).isEqualTo(expected);
        assertThat(StoryId.of(CanonicalUrl.of("HTTPS://www.EXAMPLE.com:443/World/Story?b=2&a=1#top")))
                .isEqualTo(expected);
        assertThat(StoryId.of(CanonicalUrl.of("https://www.example.com/World/Story?utm_source=x&a=1&b=2&gclid=q")))
                .isEqualTo(expected);
    }

    @Test
    void differsWhenThePathCaseDiffers() {
        assertThat(StoryId.of(CanonicalUrl.of("https://www.example.com/world/story?a=1&b=2")))
                .isNotEqualTo("e5192ac9e67a720902354d9a9b246102");
    }
}
