package wirewatch.classify.classifier;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import wirewatch.classify.matching.RuleMatcher;

/**
 * Where the rules come from and how changes to them are picked up.
 *
 * @param directory      a directory of {@code *.yaml}/{@code *.yml} rule files, watched for changes; when unset,
 *                       the default pack bundled in the jar under {@code rules/}, which cannot change
 * @param reloadDebounce how long the directory must stay quiet after a change before it is reloaded: one save
 *                       is often several events (temporary file, rename, attribute change)
 * @param pollInterval   how often the directory's content hash is checked anyway, for changes whose events were
 *                       lost (watch queue overflow, network file systems)
 * @param matching       how the rules worth verifying against a story are selected: {@code term-filtered} (the
 *                       default, several times faster) or {@code monitor} (Lucene Monitor's presearcher); both
 *                       give the same matches
 */
@ConfigurationProperties("wirewatch.rules")
public record RulesProperties(
        Path directory,
        @DefaultValue("300ms") Duration reloadDebounce,
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("term-filtered") RuleMatcher.Strategy matching) {

    public boolean hasDirectory() {
        return directory != null && !directory.toString().isBlank();
    }
}
