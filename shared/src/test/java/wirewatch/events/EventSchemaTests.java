package wirewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSchemaTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant PUBLISHED = Instant.parse("2026-11-20T08:15:00Z");

    private final Story story = new Story("3f1c", "reuters.com", "https://www.reuters.com/world/putin-terms",
            "What Putin wants", "Putin wants a written pledge.", "en", PUBLISHED, PUBLISHED.plusSeconds(5), null);

    private final Alert alert = new Alert("a-1", "3f1c", "3f1c",
            new Alert.StoryRef(story.title(), story.url(), story.source(), story.publishedAt()),
            List.of("NATO_NON_ENLARGEMENT"),
            List.of(new Alert.Match("nato-written-pledge", "NATO_NON_ENLARGEMENT", 0.92,
                    List.of("Putin wants a written pledge."), Stance.DEMANDED)),
            "sha256:abc", PUBLISHED.plusSeconds(6));

    @Test
    void storySerialisesToWhatItsSchemaAccepts() {
        JsonNode json = JSON.valueToTree(story);

        assertThat(schema("story.v1.schema.json").validate(json)).isEmpty();
        assertThat(json.get("publishedAt").asString()).isEqualTo("2026-11-20T08:15:00Z");
        assertThat(json.get("clusterId").asString()).as("a story is its own cluster by default").isEqualTo("3f1c");
    }

    @Test
    void alertSerialisesToWhatItsSchemaAccepts() {
        JsonNode json = JSON.valueToTree(alert);

        assertThat(schema("alert.v1.schema.json").validate(json)).isEmpty();
        assertThat(json.at("/matches/0/stance").asString()).isEqualTo("DEMANDED");
    }

    @Test
    void eventsSurviveAJsonRoundTrip() {
        assertThat(JSON.readValue(JSON.writeValueAsString(story), Story.class)).isEqualTo(story);
        assertThat(JSON.readValue(JSON.writeValueAsString(alert), Alert.class)).isEqualTo(alert);
    }

    @Test
    void storySchemaRejectsANonHttpUrlAndAMissingTitle() {
        var json = JSON.createObjectNode()
                .put("id", "x").put("url", "ftp://example.com/a").put("clusterId", "x")
                .put("publishedAt", "2026-11-20T08:15:00Z");

        var errors = schema("story.v1.schema.json").validate(json);

        assertThat(errors).extracting(Object::toString)
                .anySatisfy(e -> assertThat(e).contains("title"))
                .anySatisfy(e -> assertThat(e).contains("url"));
    }

    @Test
    void matchRejectsConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> new Alert.Match("r", "CEASEFIRE", 1.2, List.of(), Stance.REPORTED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2");
    }

    @Test
    void cloudEventHeadersCarryTheRequiredAttributes() {
        var headers = CloudEvents.headers("3f1c", CloudEvents.STORY_TYPE, "/wirewatch/ingest", PUBLISHED);

        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "wirewatch.story.v1")
                .containsEntry("ce_time", "2026-11-20T08:15:00Z")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_source");
    }

    private static Schema schema(String name) {
        InputStream in = EventSchemaTests.class.getResourceAsStream("/wirewatch/schemas/" + name);
        assertThat(in).as(name).isNotNull();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
}
