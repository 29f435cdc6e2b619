package wirewatch.notify.subscription;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Turns a {@link SubscriptionRequest} into a {@link NewSubscription}, or refuses it naming the field. */
@Component
class SubscriptionRequests {

    // The category syntax of the Alert schema; any rule pack may define its own categories.
    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Duration DEFAULT_DIGEST_INTERVAL = Duration.ofDays(1);
    private static final Duration SHORTEST_DIGEST_INTERVAL = Duration.ofMinutes(15);
    private static final Duration LONGEST_DIGEST_INTERVAL = Duration.ofDays(7);
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
        return new NewSubscription(channel, target, categories(request.categories()),
                minConfidence(request.minConfidence()), mode, mode == Mode.DIGEST ? digestInterval(request) : null);
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

    private static Duration digestInterval(SubscriptionRequest request) {
        if (request.digest() == null || request.digest().interval() == null) {
            return DEFAULT_DIGEST_INTERVAL;
        }
        Duration interval;
        try {
            interval = Duration.parse(request.digest().interval());
        } catch (DateTimeParseException e) {
            throw new InvalidSubscriptionException("digest.interval", "digest.interval must be an ISO-8601 duration "
                    + "such as PT24H, was " + quoted(request.digest().interval()));
        }
        if (interval.compareTo(SHORTEST_DIGEST_INTERVAL) < 0 || interval.compareTo(LONGEST_DIGEST_INTERVAL) > 0) {
            throw new InvalidSubscriptionException("digest.interval",
                    "digest.interval must be between PT15M and P7D, was " + request.digest().interval());
        }
        return interval;
    }

    private static String quoted(String value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
