package wirewatch.classify.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Where rule files come from: a directory on disk, or the default pack bundled under {@code rules/}. */
public final class RuleSources {

    static final String CLASSPATH_PACK = "rules/";

    /** How the bundled pack is named as a rule set's origin. */
    public static final String DEFAULT_PACK_ORIGIN = "classpath:" + CLASSPATH_PACK;

    private RuleSources() {
    }

    /** Every {@code *.yaml} and {@code *.yml} file under the directory, named relative to it. */
    public static List<RuleFile> fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new IOException("rules directory " + directory + " does not exist"));
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            var files = new ArrayList<RuleFile>();
            for (Path path : paths.filter(Files::isRegularFile).filter(RuleSources::isRuleFile).sorted().toList()) {
                var name = directory.relativize(path).toString().replace('\\', '/');
                files.add(new RuleFile(name, Files.readString(path, StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
    }

    /**
     * The bundled default pack. Spring's resolver is used as a library here because it lists resources
     * inside a packaged jar as well as in a directory, which plain {@link ClassLoader} cannot.
     */
    public static List<RuleFile> defaultPack() {
        var resolver = new PathMatchingResourcePatternResolver(RuleSources.class.getClassLoader());
        try {
            var files = new ArrayList<RuleFile>();
            for (String pattern : List.of("*.yaml", "*.yml")) {
                for (Resource resource : resolver.getResources("classpath:" + CLASSPATH_PACK + pattern)) {
                    files.add(new RuleFile(CLASSPATH_PACK + resource.getFilename(),
                            resource.getContentAsString(StandardCharsets.UTF_8), resource.getFilename()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled rule pack", e);
        }
    }

    /** Whether the file is read as rules: {@code *.yaml} or {@code *.yml}. */
    public static boolean isRuleFile(Path path) {
        var name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
