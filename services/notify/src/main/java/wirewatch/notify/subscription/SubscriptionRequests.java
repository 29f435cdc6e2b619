package wirewatch.notify.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import wirewatch.notify.subscription.SubscriptionRequest.DigestRequest;
import org.springframework.stereotype.Component;

/** Turns a {@link SubscriptionRequest} into a {@link NewSubscription}, or refuses it naming the field. */
@Component
class SubscriptionRequests {

    // The category syntax of the Alert schema; any rule pack may define its own categories.
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]*");
    // A host name: labels of letters, digits and inner hyphens, at least two of them (reuters.com, bbc.co.uk).
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
    private static final int MOST_KEYWORDS = 25;
    private static final int LONGEST_KEYWORD = 100;
    private static final int MOST_SOURCES = 50;
    private static final int LONGEST_DOMAIN = 253;
    private static final int DEFAULT_DIGEST_HOUR = 8;
    private static final int LONGEST_EMAIL_ADDRESS = 254; // RFC 5321 path limit
    private static final int LONGEST_URL = 2048;

    private final TargetPolicy targetPolicy;

    SubscriptionRequests(TargetPolicy targetPolicy) {
        this.targetPolicy = targetPolicy;
    }

    NewSubscription validate(SubscriptionRequest request) {
        var channel = Channel.fromId(request.channel()).orElseThrow(() -> new InvalidSubscriptionException("channel",
                "channel must be \"webhook\" or \"email\", was " + quoted(request.channel())));
        var target = switch (channel) {
            case WEBHOOK -> webhookTarget(request.target());
            case EMAIL -> emailTarget(request.target());
        };
        var mode = Mode.fromId(request.mode()).orElseThrow(() -> new InvalidSubscriptionException("mode",
                "mode must be \"instant\" or \"digest\", was " + quoted(request.mode())));
        if (mode == Mode.INSTANT && request.digest() != null) {
            throw new InvalidSubscriptionException("digest",
                    "digest applies to mode \"digest\" only; leave it out of an instant subscription");
        }
        return new NewSubscription(channel, target, categories(request.categories()),
                minConfidence(request.minConfidence()), keywords(request.keywords()), sources(request.sources()),
                mode, mode == Mode.DIGEST ? digest(request.digest()) : null);
    }

    private String webhookTarget(String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidSubscriptionException("target", "target must be the webhook's absolute http(s) URL");
        }
        URI url;
        try {
            url = new URI(target.strip());
        } catch (URISyntaxException e) {
            throw new InvalidSubscriptionException("target", "target is not a valid URL: " + e.getMessage());
        }
        var scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new InvalidSubscriptionException("target",
                    "target must be an absolute http:// or https:// URL with a host, was " + quoted(target));
        }
        if (target.length() > LONGEST_URL) {
            throw new InvalidSubscriptionException("target", "target is longer than " + LONGEST_URL + " characters");
        }
        targetPolicy.refusal(url).ifPresent(reason -> {
            throw new InvalidSubscriptionException("target", reason);
        });
        return url.toString();
    }

    private static String emailTarget(String target) {
        var refusal = "target must be a plain email address such as alerts@example.org, was " + quoted(target);
        if (target == null || target.isBlank() || target.length() > LONGEST_EMAIL_ADDRESS) {
            throw new InvalidSubscriptionException("target", refusal);
        }
        try {
            var address = new InternetAddress(target.strip(), true);
            address.validate();
            // A display name or a group would make "target" mean more than one thing.
            if (address.getPersonal() != null || address.isGroup() || !address.getAddress().contains("@")) {
                throw new InvalidSubscriptionException("target", refusal);
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw new InvalidSubscriptionException("target", refusal);
        }
    }

    private static List<String> categories(List<String> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new InvalidSubscriptionException("categories",
                    "categories must name at least one category, e.g. [\"SANCTIONS_RELIEF\"]");
        }
        var distinct = new LinkedHashSet<String>();
        for (var category : categories) {
            if (category == null || !CATEGORY.matcher(category).matches()) {
                throw new InvalidSubscriptionException("categories", "categories must be upper-case names such as "
                        + "SANCTIONS_RELIEF (letters, digits, underscores), found " + quoted(category));
            }
            distinct.add(category);
        }
        return List.copyOf(distinct);
    }

    private static double minConfidence(Double minConfidence) {
        if (minConfidence == null) {
            return 0;
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new InvalidSubscriptionException("minConfidence",
                    "minConfidence must be between 0 and 1, was " + minConfidence);
        }
        return minConfidence;
    }

    /**
     * Kept lower-case with single spaces, as the matcher compares them: "Zaporizhzhia  Nuclear plant" is the
     * phrase "zaporizhzhia nuclear plant".
     */
    private static List<String> keywords(List<String> keywords) {
        if (keywords == null) {
            return List.of();
        }
        if (keywords.size() > MOST_KEYWORDS) {
            throw new InvalidSubscriptionException("keywords", "keywords may list at most " + MOST_KEYWORDS
                    + " words or phrases, was " + keywords.size());
        }
        var distinct = new LinkedHashSet<String>();
        for (var keyword : keywords) {
            if (keyword == null || !LETTER_OR_DIGIT.matcher(keyword).find()) {
                throw new InvalidSubscriptionException("keywords", "keywords must be words or phrases with at least "
                        + "one letter or digit, found " + quoted(keyword));
            }
            var phrase = Normalizer.normalize(keyword, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                    .toLowerCase(Locale.ROOT);
            if (phrase.length() > LONGEST_KEYWORD) {
                throw new InvalidSubscriptionException("keywords", "keywords must each be at most " + LONGEST_KEYWORD
                        + " characters long, found one of " + phrase.length());
            }
            distinct.add(phrase);
        }
        return List.copyOf(distinct);
    }

    /** Domain names, lower-case and in ASCII (an internationalised name in its xn-- form). */
    private static List<String> sources(List<String> sources) {
        if (sources == null) {
            return List.of();
        }
        if (sources.size() > MOST_SOURCES) {
            throw new InvalidSubscriptionException("sources", "sources may list at most " + MOST_SOURCES
                    + " domains, was " + sources.size());
        }
        var distinct = new LinkedHashSet<String>();
        for (var source : sources) {
            var refusal = "sources must be domain names such as reuters.com (no scheme, path or port), found "
                    + quoted(source);
            if (source == null || source.isBlank() || source.length() > LONGEST_DOMAIN) {
                throw new InvalidSubscriptionException("sources", refusal);
            }
            String domain;
            try {
                domain = IDN.toASCII(source.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new InvalidSubscriptionException("sources", refusal);
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new InvalidSubscriptionException("sources", refusal);
            }
            distinct.add(domain);
        }
        return List.copyOf(distinct);
    }

    private static DigestSchedule digest(DigestRequest digest) {
        if (digest == null) {
            throw new InvalidSubscriptionException("digest", "digest must say when digests go out, e.g. "
                    + "{\"frequency\": \"daily\", \"hour\": 8, \"timeZone\": \"Europe/Kyiv\"} or "
                    + "{\"frequency\": \"hourly\"}");
        }
        var frequency = DigestSchedule.Frequency.fromId(digest.frequency()).orElseThrow(() ->
                new InvalidSubscriptionException("digest.frequency", "digest.frequency must be \"hourly\" or "
                        + "\"daily\", was " + quoted(digest.frequency())));
        var zone = timeZone(digest.timeZone());
        return switch (frequency) {
            case HOURLY -> {
                if (digest.hour() != null) {
                    throw new InvalidSubscriptionException("digest.hour",
                            "digest.hour applies to daily digests only; an hourly digest goes out every hour");
                }
                yield DigestSchedule.hourly(zone);
            }
            case DAILY -> DigestSchedule.daily(hour(digest.hour()), zone);
        };
    }

    private static int hour(Number hour) {
        if (hour == null) {
            return DEFAULT_DIGEST_HOUR;
        }
        var value = hour.doubleValue();
        if (value != Math.rint(value) || value < 0 || value > 23) {
            throw new InvalidSubscriptionException("digest.hour",
                    "digest.hour must be a whole hour from 0 to 23, was " + hour);
        }
        return (int) value;
    }

    /** Region ids (Europe/Kyiv) and UTC; fixed offsets such as +02:00 are refused, since they know no DST. */
    private static ZoneId timeZone(String timeZone) {
        if (timeZone == null) {
            return ZoneId.of("UTC");
        }
        var refusal = "digest.timeZone must be a time zone such as Europe/Kyiv or UTC, was " + quoted(timeZone);
        try {
            var zone = ZoneId.of(timeZone);
            if (zone instanceof ZoneOffset && !zone.equals(ZoneOffset.UTC)) {
                throw new InvalidSubscriptionException("digest.timeZone", refusal);
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidSubscriptionException("digest.timeZone", refusal);
        }
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
