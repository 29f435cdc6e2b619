package wirewatch.ingest.dedup;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link SketchRetention} on its schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DedupConfiguration {
}
