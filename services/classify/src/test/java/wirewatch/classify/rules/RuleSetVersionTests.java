package wirewatch.classify.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetVersionTests {

    @Test
    void theBundledPackAndTheSameFilesInADirectoryHaveOneVersion() {
        // The module's source directory holds exactly the files that are bundled into the jar.
        var directory = RuleSources.fromDirectory(Path.of("src/main/resources/rules"));
        var bundled = RuleSources.defaultPack();

        assertThat(bundled).extracting(RuleFile::name).allMatch(name -> name.startsWith("rules/"));
        assertThat(RuleSetVersion.of(bundled)).isEqualTo(RuleSetVersion.of(directory));
    }

    @Test
    void changesWhenAFileMovesOrItsContentChanges() {
        var original = RuleSetVersion.of(List.of(new RuleFile("a.yaml", "- id: a\n")));

        assertThat(RuleSetVersion.of(List.of(new RuleFile("b.yaml", "- id: a\n")))).isNotEqualTo(original);
        assertThat(RuleSetVersion.of(List.of(new RuleFile("a.yaml", "- id: b\n")))).isNotEqualTo(original);
        assertThat(RuleSetVersion.of(List.of(new RuleFile("a.yaml", "- id: a\n")))).isEqualTo(original)
                .startsWith("sha256:").hasSize("sha256:".length() + 64);
    }

    @Test
    void doesNotDependOnTheOrderFilesAreListedIn() {
        var one = new RuleFile("one.yaml", "- id: one\n");
        var two = new RuleFile("two.yaml", "- id: two\n");

        assertThat(RuleSetVersion.of(List.of(one, two))).isEqualTo(RuleSetVersion.of(List.of(two, one)));
    }
}
