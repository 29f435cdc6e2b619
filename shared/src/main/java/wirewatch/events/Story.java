package wirewatch.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One news story as ingest publishes it to {@link Topics#STORIES}.
 *
 * @param id          stable id: a hash of the canonical URL (or of source and guid when there is no URL)
 * @param source      publisher or feed id, e.g. {@code reuters.com}
 * @param url         canonical URL, tracking parameters and fragment removed
 * @param title       plain text
 * @param body        plain text, may be only a summary
 * @param language    BCP 47 tag when known, otherwise {@code null}
 * @param publishedAt when the publisher says it was published
 * @param ingestedAt  when Wirewatch first saw it
 * @param clusterId   shared by near-duplicate copies of one story (syndicated wire copy)
 */
public record Story(
        String id,
        String source,
        String url,
        String title,
        String body,
        String language,
        Instant publishedAt,
        Instant ingestedAt,
        String clusterId) {

    public Story {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        clusterId = clusterId == null ? id : clusterId;
    }
}
