package wirewatch.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
@Import({StoryNormaliser.class, StoryMetrics.class, StoryBatch.class, StoryConfiguration.class, ProblemResponder.class,
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

    @Test
    void reportsEachLineOfABatchAndGoesOnPastBadOnes() throws Exception {
        given(ingestion.ingest(any(), any())).willReturn(new StoryReceipt("abc", "abc", false),
                new StoryReceipt("def", "abc", true));
        var rejectedBefore = rejected();

        postBatch("""
                {"url": "https://example.com/a", "title": "First"}
                {"url": "https://example.com/b", "title": ""}

                {"url": "https://example.com/c", "title": "Third"}
                not json
                """)
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"published": 1, "duplicates": 1, "rejected": 2, "failed": 0, "results": [
                          {"line": 1, "status": 202, "id": "abc", "clusterId": "abc", "duplicate": false},
                          {"line": 2, "status": 400, "detail": "line 2: title must not be blank"},
                          {"line": 4, "status": 202, "id": "def", "clusterId": "abc", "duplicate": true},
                          {"line": 5, "status": 400}]}""", false))
                .andExpect(jsonPath("$.results[3].detail").value(containsString("line 5: the line is not valid JSON")));
        assertThat(rejected()).isEqualTo(rejectedBefore + 2);
    }

    @Test
    void stopsABatchAtAKafkaFailureAndAsksForItAgain() throws Exception {
        given(ingestion.ingest(any(), any())).willReturn(new StoryReceipt("abc", "abc", false))
                .willThrow(new PublishFailedException("Kafka did not acknowledge", null));

        postBatch("""
                {"url": "https://example.com/a", "title": "First"}
                {"url": "https://example.com/b", "title": "Second"}
                {"url": "https://example.com/c", "title": "Third"}""")
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.published").value(1))
                .andExpect(jsonPath("$.failed").value(2))
                .andExpect(jsonPath("$.results[1].status").value(503))
                .andExpect(jsonPath("$.results[2].detail").value(
                        "not attempted: Kafka failed at line 2; send the batch again"));
        then(ingestion).should(times(2)).ingest(any(), any());
    }

    @Test
    void refusesABatchWithoutStories() throws Exception {
        postBatch("\n  \n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("request body holds no stories: send one JSON story per line"));
    }

    private ResultActions postBatch(String ndjson) throws Exception {
        return mvc.perform(post("/api/stories").header("Authorization", KEY)
                .contentType("application/x-ndjson").content(ndjson));
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
