package wirewatch.ingest.canonical;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The canonical form of an absolute http(s) URL: the spelling two links to the same article share.
 *
 * <p>Only rewrites that cannot change which resource a server returns are made: scheme and host are
 * case-insensitive, default ports and fragments never reach the server, dot segments are resolved,
 * percent-escapes of unreserved characters mean the characters themselves (RFC 3986 section 6.2.2), and
 * tracking parameters are added by newsletters and social sites, not by the publisher. The order of the
 * remaining query parameters is made stable by sorting on their names; repeated names keep their relative
 * order because some servers read them as a list.
 *
 * @param value the canonical URL, e.g. {@code https://example.com/news/a?id=7}
 */
public record CanonicalUrl(String value) {

    private static final Set<String> TRACKING_PARAMETERS = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "yclid", "ref_src");
    private static final String TRACKING_PREFIX = "utm_";
    private static final String UNRESERVED_PUNCTUATION = "-._~";
    // Characters browsers and CMSs leave unescaped in links although RFC 3986 forbids them; escaping them
    // is what a browser does before sending the request.
    private static final String ILLEGAL_BUT_COMMON = " \"<>\\^`{|}";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Canonicalises {@code url}, or says in the exception why it is not an absolute http(s) URL. */
    public static CanonicalUrl of(String url) {
        var uri = parse(url.strip());
        var scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidUrlException("must be an absolute http or https URL, got '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidUrlException("must name a host, got '" + url + "'");
        }
        var canonical = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            canonical.append(normaliseEscapes(uri.getRawUserInfo())).append('@');
        }
        canonical.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
            canonical.append(':').append(uri.getPort());
        }
        var path = normaliseEscapes(uri.getRawPath());
        canonical.append(path.isEmpty() ? "/" : path);
        var query = canonicalQuery(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return new CanonicalUrl(canonical.toString());
    }

    /** The host without a leading {@code www.}, which is how people name a publisher: {@code reuters.com}. */
    public String publisher() {
        var host = URI.create(value).getHost();
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    @Override
    public String toString() {
        return value;
    }

    private static URI parse(String url) {
        try {
            return new URI(escapeIllegalCharacters(url)).normalize();
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "), got '" + url + "'");
        }
    }

    private static String escapeIllegalCharacters(String url) {
        var escaped = new StringBuilder(url.length());
        for (var c : url.toCharArray()) {
            if (ILLEGAL_BUT_COMMON.indexOf(c) >= 0) {
                escaped.append('%').append(HEX.toHexDigits((byte) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        var parameters = new ArrayList<String>();
        for (var parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(parameter)) {
                parameters.add(normaliseEscapes(parameter));
            }
        }
        // List.sort is stable, so repeated names keep the order the publisher gave them.
        parameters.sort(Comparator.comparing(CanonicalUrl::parameterName));
        return parameters.stream().collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String parameter) {
        var name = normaliseEscapes(parameterName(parameter)).toLowerCase(Locale.ROOT);
        return name.startsWith(TRACKING_PREFIX) || TRACKING_PARAMETERS.contains(name);
    }

    private static String parameterName(String parameter) {
        var equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    /**
     * Decodes escapes of unreserved characters, upper-cases the hex digits of the others, and escapes
     * non-ASCII characters as UTF-8, so each character has exactly one spelling. Reserved characters keep
     * their escaped or unescaped form because that difference can be meaningful ({@code a%2Fb} is not
     * {@code a/b}).
     */
    private static String normaliseEscapes(String raw) {
        var out = new StringBuilder(raw.length());
        var i = 0;
        while (i < raw.length()) {
            var c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                var decoded = (char) HexFormat.fromHexDigits(raw, i + 1, i + 3);
                if (isUnreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 3;
            } else if (c > 0x7F) {
                var end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                for (var b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.toHexDigits(b));
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || UNRESERVED_PUNCTUATION.indexOf(c) >= 0;
    }
}
