package wirewatch.ingest.story;

import java.time.Instant;

import wirewatch.events.Story;
import wirewatch.ingest.canonical.CanonicalUrl;

/** A valid story in its stored form, still waiting for its cluster. */
public record NormalisedStory(
        String id,
        CanonicalUrl url,
        String source,
        String title,
        String body,
        String language,
        Instant publishedAt,
        Instant ingestedAt) {

    Story inCluster(String clusterId) {
        return new Story(id, source, url.value(), title, body, language, publishedAt, ingestedAt, clusterId);
    }
}
