package wirewatch.classify.rules;

import java.util.Objects;

/**
 * The text of one rule file.
 *
 * @param name how problems name the file: its path relative to the rules directory, or its classpath location
 */
public record RuleFile(String name, String content) {

    public RuleFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
