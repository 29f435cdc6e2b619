package wirewatch.notify.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import wirewatch.events.Alert;

/**
 * A subscription's keyword and source filters. An alert carries no story body, only its title and the body's
 * evidence sentences, so those are the text keywords are looked for in.
 */
final class StoryFilter {

    // Words are runs of letters, digits and combining marks; everything else (spaces, punctuation, apostrophes,
    // hyphens) separates them.
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

    private StoryFilter() {
    }

    /**
     * Whether the title or an evidence sentence of any match contains one of {@code keywords} as whole words, in
     * the same order and next to each other, ignoring case and punctuation: "crimea" matches "Crimea's", not
     * "Crimean"; "nuclear plant" matches "nuclear-plant", not "nuclear power plant". No keywords: every alert.
     */
    static boolean mentionsAny(Alert alert, List<String> keywords) {
        if (keywords.isEmpty()) {
            return true;
        }
        var texts = Stream.concat(
                        Stream.ofNullable(alert.story()).map(Alert.StoryRef::title),
                        alert.matches().stream().flatMap(match -> match.evidence().stream()))
                .filter(text -> text != null && !text.isBlank())
                .map(StoryFilter::words)
                .toList();
        return keywords.stream().map(StoryFilter::words).filter(phrase -> !phrase.isEmpty())
                .anyMatch(phrase -> texts.stream().anyMatch(words -> Collections.indexOfSubList(words, phrase) >= 0));
    }

    /**
     * Whether the story's source or its URL's host is one of {@code sources} or a subdomain of one:
     * "reuters.com" matches "reuters.com", "www.reuters.com" and "https://uk.reuters.com/world/…", not
     * "notreuters.com". No sources: every alert.
     */
    static boolean fromAny(Alert alert, List<String> sources) {
        if (sources.isEmpty()) {
            return true;
        }
        var story = alert.story();
        if (story == null) {
            return false;
        }
        var names = new ArrayList<String>(2);
        if (story.source() != null) {
            names.add(story.source().strip().toLowerCase(Locale.ROOT));
        }
        host(story.url()).ifPresent(names::add);
        return names.stream().anyMatch(name -> sources.stream()
                .anyMatch(domain -> name.equals(domain) || name.endsWith("." + domain)));
    }

    private static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new URI(url.strip()).getHost()).map(host -> host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static List<String> words(String text) {
        var normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(SEPARATORS.split(normal)).filter(word -> !word.isEmpty()).toList();
    }
}
