package wirewatch.ingest.feed.reader;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Makes the links a feed gives absolute, against the URL the document came from. */
final class Links {

    private Links() {
    }

    /**
     * The link as an absolute http(s) URL, or {@code null} when it is blank or cannot be made one: a link
     * nobody can follow is worse than none, because downstream takes a link as the story's identity.
     */
    static String absolute(String link, URI base) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            var uri = new URI(link.strip());
            var resolved = uri.isAbsolute() || base == null ? uri : base.resolve(uri);
            var scheme = resolved.getScheme();
            if (scheme == null) {
                return null;
            }
            var lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? resolved.toString() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
