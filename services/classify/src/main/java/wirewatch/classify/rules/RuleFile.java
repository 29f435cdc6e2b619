package wirewatch.classify.rules;

import java.util.Objects;

/**
 * The text of one rule file.
 *
 * @param name how problems name the file: its path relative to the rules directory, or its classpath location
 * @param path its path relative to the root of its rule set, whatever the source: what the version hashes, so the
 *             same files give the same version from a directory and from the bundled pack
 */
public record RuleFile(String name, String content, String path) {

    public RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(path, "path");
    }

    /** A file whose name is already its path within the rule set. */
    public RuleFile(String name, String content) {
        this(name, content, name);
    }
}
