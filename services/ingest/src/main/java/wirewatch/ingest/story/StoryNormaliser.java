package wirewatch.ingest.story;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.Locale;

import org.springframework.stereotype.Component;
import wirewatch.ingest.canonical.CanonicalUrl;
import wirewatch.ingest.canonical.InvalidUrlException;
import wirewatch.ingest.canonical.StoryId;
import wirewatch.ingest.story.InvalidStoryException.Violation;
import wirewatch.ingest.text.PlainText;

/**
 * Checks a request against the Story contract and brings it into its stored form: plain text, canonical
 * URL, defaults for source and publication time. Limits follow the Story JSON Schema in {@code shared}.
 */
@Component
class StoryNormaliser {

    private static final int MAX_URL_LENGTH = 4096;
    private static final int MAX_TITLE_LENGTH = 2000;
    private static final int MAX_SOURCE_LENGTH = 256;
    private static final int MAX_LANGUAGE_LENGTH = 35;

    private final Clock clock;

    StoryNormaliser(Clock clock) {
        this.clock = clock;
    }

    NormalisedStory normalise(StoryRequest request) {
        var violations = new ArrayList<Violation>();
        var url = canonicalUrl(request.url(), violations);
        var title = title(request.title(), violations);
        var source = PlainText.line(request.source());
        if (source.length() > MAX_SOURCE_LENGTH) {
            violations.add(new Violation("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
        }
        var publishedAt = publishedAt(request.publishedAt(), violations);
        var language = language(request.language(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidStoryException(violations);
        }
        var ingestedAt = clock.instant();
        return new NormalisedStory(
                StoryId.of(url),
                url,
                source.isEmpty() ? url.publisher() : source,
                title,
                PlainText.lines(request.body()),
                language,
                publishedAt == null ? ingestedAt : publishedAt,
                ingestedAt);
    }

    private static CanonicalUrl canonicalUrl(String url, ArrayList<Violation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new Violation("url", "is required: the absolute http(s) URL of the story"));
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            violations.add(new Violation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        try {
            return CanonicalUrl.of(url);
        } catch (InvalidUrlException e) {
            violations.add(new Violation("url", e.getMessage()));
            return null;
        }
    }

    private static String title(String title, ArrayList<Violation> violations) {
        if (title == null) {
            violations.add(new Violation("title", "is required"));
            return null;
        }
        var text = PlainText.line(title);
        if (text.isEmpty()) {
            violations.add(new Violation("title", title.isBlank()
                    ? "must not be blank"
                    : "must not be blank once HTML is removed"));
        } else if (text.length() > MAX_TITLE_LENGTH) {
            violations.add(new Violation("title", "must be at most " + MAX_TITLE_LENGTH + " characters of text, got "
                    + text.length()));
        }
        return text;
    }

    private static Instant publishedAt(String publishedAt, ArrayList<Violation> violations) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        try {
            // ISO_INSTANT parsing accepts any offset, e.g. 2025-03-01T13:00:00+01:00, not only Z.
            return Instant.parse(publishedAt.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation("publishedAt", "must be an ISO-8601 date-time with offset such as "
                    + "2025-03-01T12:00:00Z, got '" + publishedAt + "'"));
            return null;
        }
    }

    private static String language(String language, ArrayList<Violation> violations) {
        if (language == null || language.isBlank()) {
            return null;
        }
        try {
            if (language.length() > MAX_LANGUAGE_LENGTH) {
                throw new IllformedLocaleException("too long");
            }
            return new Locale.Builder().setLanguageTag(language.strip()).build().toLanguageTag();
        } catch (IllformedLocaleException e) {
            violations.add(new Violation("language", "must be a BCP 47 language tag such as en or pt-BR, got '"
                    + language + "'"));
            return null;
        }
    }
}
