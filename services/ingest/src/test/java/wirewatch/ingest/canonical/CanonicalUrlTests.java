package wirewatch.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTPS://WWW.Example.COM:443/World/Story?b=2&utm_source=x&a=1&fbclid=y#comments | https://www.example.com/World/Story?a=1&b=2
            http://example.com                                | http://example.com/
            https://example.com?id=1                          | https://example.com/?id=1
            http://example.com:80/a                           | http://example.com/a
            http://example.com:8080/a                         | http://example.com:8080/a
            https://example.com:80/a                          | https://example.com:80/a
            https://example.com/a#section-2                   | https://example.com/a
            https://example.com/a?utm_source=rss&utm_medium=feed | https://example.com/a
            https://example.com/%7euser/caf%c3%a9?q=a%2fb     | https://example.com/~user/caf%C3%A9?q=a%2Fb
            https://example.com/café                          | https://example.com/caf%C3%A9
            https://example.com/a b                           | https://example.com/a%20b
            https://example.com/a/./b/../c                    | https://example.com/a/c
            https://example.com/s?tag=z&q=1&tag=a             | https://example.com/s?q=1&tag=z&tag=a
            https://example.com/s?&a=1&&                      | https://example.com/s?a=1
            https://example.com/s?%61=1                       | https://example.com/s?a=1
            """)
    void canonicalisesUrls(String url, String expected) {
        assertThat(CanonicalUrl.of(url).value()).isEqualTo(expected);
    }

    @Test
    void dropsEveryTrackingParameterButKeepsTheOthers() {
        var url = "https://example.com/a?utm_medium=m&UTM_Campaign=c&gclid=1&dclid=2&msclkid=3&mc_cid=4"
                + "&mc_eid=5&igshid=6&_ga=7&yclid=8&ref_src=twsrc&fbclid=9&id=42&ref=home";

        assertThat(CanonicalUrl.of(url).value()).isEqualTo("https://example.com/a?id=42&ref=home");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "/relative/path", "example.com/news", "mailto:desk@example.com",
            "http:///no-host", "https://exa mple.com/", "http://[not-an-address/"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> CanonicalUrl.of(url))
                .isInstanceOf(InvalidUrlException.class)
                .hasMessageContaining(url);
    }

    @Test
    void namesThePublisherByHostWithoutWww() {
        assertThat(CanonicalUrl.of("https://WWW.Reuters.com/world").publisher()).isEqualTo("reuters.com");
        assertThat(CanonicalUrl.of("https://apnews.com/").publisher()).isEqualTo("apnews.com");
    }
}
