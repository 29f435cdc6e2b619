package wirewatch.ingest.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cluster key for an exact syndicated copy: a hash of title and body reduced to lower-case words, so
 * copies that differ only in typography (curly quotes, dashes, spacing, case) still share a cluster.
 */
public final class ContentFingerprint {

    private static final String SCHEME = "content-sha256:";
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ContentFingerprint() {
    }

    /**
     * The key for a story's content, or empty when the body is blank: different stories share headlines
     * such as "Live updates" or "Morning briefing", so a title alone is no evidence of the same story.
     */
    public static Optional<String> of(String title, String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(SCHEME + sha256Hex(words(title) + "\n" + words(body)));
    }

    static String words(String text) {
        var compatible = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(compatible).replaceAll(" ").strip();
    }

    private static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
