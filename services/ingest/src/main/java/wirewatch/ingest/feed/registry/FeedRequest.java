package wirewatch.ingest.feed.registry;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/feeds}. */
@Schema(description = "A feed to poll: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.1.")
record FeedRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://www.example.com/world/rss.xml")
        String url,
        @Schema(description = "shown in GET /api/feeds, the stories' source and the metrics; defaults to the host",
                example = "Example World")
        String name,
        @Schema(description = "seconds between polls; defaults to wirewatch.ingest.feeds.default-poll-interval",
                example = "300")
        Long pollIntervalSeconds) {
}
