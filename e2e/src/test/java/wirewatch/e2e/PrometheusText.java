package wirewatch.e2e;

import java.util.Set;
import java.util.TreeSet;

/** The Prometheus text exposition format, as far as the tests need it. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The names of the samples in a scrape: {@code foo_total}, {@code foo_seconds_bucket}, ... */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0])
                .forEach(names::add);
        return names;
    }
}
