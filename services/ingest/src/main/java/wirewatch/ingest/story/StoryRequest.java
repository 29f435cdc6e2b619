package wirewatch.ingest.story;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /api/stories} as the client sent it. Every field is text here; what each must
 * look like is checked by {@link StoryNormaliser} so the client hears about all problems at once.
 */
@Schema(description = "A story to publish. title and body may contain HTML; it is reduced to plain text.")
record StoryRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://www.example.com/world/peace-terms")
        String url,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "What Putin wants to end the war")
        String title,
        @Schema(example = "<p>Putin has laid out his terms...</p>")
        String body,
        @Schema(description = "publisher; defaults to the URL's host without www.", example = "example.com")
        String source,
        @Schema(description = "ISO-8601 date-time with offset; defaults to the time of ingest",
                example = "2025-03-01T12:00:00Z")
        String publishedAt,
        @Schema(description = "BCP 47 language tag", example = "en")
        String language) {
}
