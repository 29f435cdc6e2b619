package wirewatch.ingest.canonical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Story ids: derived from the canonical URL so every instance, and every restart, names a story alike. */
public final class StoryId {

    // 128 bits of SHA-256: collision-free for any realistic number of stories, short enough for logs.
    private static final int HEX_LENGTH = 32;

    private StoryId() {
    }

    /** The first 32 lower-case hex digits of SHA-256 over the canonical URL's UTF-8 bytes. */
    public static String of(CanonicalUrl url) {
        return sha256Hex(url.value()).substring(0, HEX_LENGTH);
    }

    static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
