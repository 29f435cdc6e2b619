package wirewatch.classify.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The version of a rule set is the SHA-256 of its files, so the same files give the same version on every
 * instance and after every restart, and an alert can be traced to the exact rules that produced it.
 */
public final class RuleSetVersion {

    private RuleSetVersion() {
    }

    /**
     * Hashes each file's path within the set and its content, in path order, with a NUL after each so boundaries
     * cannot shift.
     */
    public static String of(List<RuleFile> files) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
        files.stream().sorted(Comparator.comparing(RuleFile::path)).forEach(file -> {
            digest.update(file.path().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.content().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
