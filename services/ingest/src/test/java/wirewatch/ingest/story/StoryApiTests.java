package wirewatch.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import wirewatch.ingest.security.ApiProperties;
import wirewatch.ingest.web.ProblemResponder;

/** The HTTP contract of {@code POST /api/stories}: authentication, every validation error, the size limit. */
@WebMvcTest(controllers = StoryController.class, properties = "wirewatch.api.key=test-key")
@Import({StoryNormaliser.class, StoryMetrics.class, StoryConfiguration.class, ProblemResponder.class,
        StoryApiTests.SliceConfiguration.class})
class StoryApiTests {

    private static final String KEY = "Bearer test-key";
    private static final int ONE_MIB = 1024 * 1024;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry meters;

    @MockitoBean
    private StoryIngestion ingestion;

    // A web slice does not run @ConfigurationPropertiesScan, nor set up metrics.
    @TestConfiguration
    @EnableConfigurationProperties({ApiProperties.class, StoriesProperties.class})
    static class SliceConfiguration {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void acceptsAValidStory() throws Exception {
        given(ingestion.ingest(any(), any())).willReturn(new StoryReceipt("abc", "abc", false));

        postStory("""
                {"url": "https://example.com/a", "title": "Peace terms", "body": "<p>Text</p>",
                 "source": "Example", "publishedAt": "2025-03-01T12:00:00Z", "language": "en"}""")
                .andExpect(status().isAccepted())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().json("""
                        {"id": "abc", "clusterId": "abc", "duplicate": false}""", true));
    }

    @Test
    void refusesACallWithoutBearerKey() throws Exception {
        mvc.perform(post("/api/stories").contentType(MediaType.APPLICATION_JSON).content(validStory()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization: Bearer")));
        then(ingestion).should(never()).ingest(any(), any());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Bearer wrong-key
            Bearer test-key-and-more
            Basic dGVzdC1rZXk6
            Bearer
            """)
    void refusesACallWithAWrongKey(String authorization) throws Exception {
        mvc.perform(post("/api/stories").header("Authorization", authorization)
                        .contentType(MediaType.APPLICATION_JSON).content(validStory()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("Authorization")));
        then(ingestion).should(never()).ingest(any(), any());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing title             | {"url": "https://example.com/a"}                          | title is required
            blank title               | {"url": "https://example.com/a", "title": "  "}           | title must not be blank
            title of markup only      | {"url": "https://example.com/a", "title": "<b> </b>"}     | title must not be blank once HTML is removed
            missing url               | {"title": "Peace terms"}                                  | url is required
            blank url                 | {"url": " ", "title": "Peace terms"}                      | url is required
            relative url              | {"url": "/world/a", "title": "Peace terms"}               | url must be an absolute http or https URL
            ftp url                   | {"url": "ftp://example.com/a", "title": "Peace terms"}    | url must be an absolute http or https URL
            url without host          | {"url": "https:///a", "title": "Peace terms"}             | url must name a host
            unparseable publishedAt   | {"url": "https://example.com/a", "title": "T", "publishedAt": "yesterday"} | publishedAt must be an ISO-8601 date-time
            publishedAt without zone  | {"url": "https://example.com/a", "title": "T", "publishedAt": "2025-03-01T12:00:00"} | publishedAt must be an ISO-8601 date-time
            invalid language          | {"url": "https://example.com/a", "title": "T", "language": "en_GB!"} | language must be a BCP 47 language tag
            title as number           | {"url": "https://example.com/a", "title": 42}             | title must be a string
            title as boolean          | {"url": "https://example.com/a", "title": true}           | title must be a string
            url as array              | {"url": ["https://example.com/a"], "title": "T"}          | url must be a string
            body as object            | {"url": "https://example.com/a", "title": "T", "body": {"html": "x"}} | body must be a string
            publishedAt as number     | {"url": "https://example.com/a", "title": "T", "publishedAt": 1740830400} | publishedAt must be a string
            malformed JSON            | {"url": "https://example.com/a", "title": "T"             | request body is not valid JSON
            trailing garbage          | {"url": "https://example.com/a", "title": "T"} x          | request body is not valid JSON
            array instead of object   | [{"url": "https://example.com/a", "title": "T"}]          | request body must be a JSON object
            """)
    void refusesAnInvalidStoryNamingTheField(String problem, String body, String detail) throws Exception {
        var rejectedBefore = rejected();

        postStory(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value(containsString(detail)));

        then(ingestion).should(never()).ingest(any(), any());
        assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void listsEachInvalidFieldSeparately() throws Exception {
        postStory("""
                {"url": "mailto:desk@example.com", "title": ""}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(allOf(containsString("url "), containsString("title "))))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[1].field").value("title"));
    }

    @Test
    void refusesAMissingBody() throws Exception {
        mvc.perform(post("/api/stories").header("Authorization", KEY).contentType(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("request body is missing")));
    }

    @Test
    void refusesABodyOneByteOverOneMebibyte() throws Exception {
        var rejectedBefore = rejected();

        postStory(storyOfExactly(ONE_MIB + 1))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("request body is 1048577 bytes, the limit is 1048576")));

        then(ingestion).should(never()).ingest(any(), any());
        assertThat(rejected()).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void acceptsABodyJustUnderOneMebibyte() throws Exception {
        given(ingestion.ingest(any(), any())).willReturn(new StoryReceipt("abc", "abc", false));

        postStory(storyOfExactly(ONE_MIB - 16)).andExpect(status().isAccepted());
    }

    private ResultActions postStory(String json) throws Exception {
        return mvc.perform(post("/api/stories").header("Authorization", KEY)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private double rejected() {
        return meters.counter("wirewatch.ingest.stories", "source", "api", "result", "rejected").count();
    }

    private static String validStory() {
        return """
                {"url": "https://example.com/a", "title": "Peace terms"}""";
    }

    /** A valid story JSON document of exactly {@code bytes} UTF-8 bytes. */
    static String storyOfExactly(int bytes) {
        var prefix = "{\"url\": \"https://example.com/long\", \"title\": \"Long story\", \"body\": \"";
        var suffix = "\"}";
        return prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
