package wirewatch.classify.classifier;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the rules come from.
 *
 * @param directory a directory of {@code *.yaml}/{@code *.yml} rule files; when unset, the default pack
 *                  bundled in the jar under {@code rules/}
 */
@ConfigurationProperties("wirewatch.rules")
public record RulesProperties(Path directory) {
}
