package wirewatch.local.load;

import java.util.ArrayList;
import java.util.List;

/**
 * One scrape of a service's {@code /actuator/prometheus}: the samples, each as its metric name, its label text and its
 * value. The harness scrapes before and after a run and reports the difference of counters and timer sums, which
 * says where the services spent their time during the run without any tracing backend.
 */
final class MetricsSnapshot {

    private record Sample(String name, String labels, double value) {
    }

    private final List<Sample> samples;

    private MetricsSnapshot(List<Sample> samples) {
        this.samples = samples;
    }

    /** Parses Prometheus text exposition; comments, and lines it cannot read, are skipped. */
    static MetricsSnapshot parse(String text) {
        var samples = new ArrayList<Sample>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int firstSpace = line.indexOf(' ');
            boolean labelled = brace >= 0 && (firstSpace < 0 || brace < firstSpace);
            int labelsEnd = labelled ? closingBrace(line, brace) : -1;
            int space = line.indexOf(' ', labelled ? Math.max(labelsEnd, 0) : 0);
            if (space < 0 || (labelled && labelsEnd < 0)) {
                continue;
            }
            String name = line.substring(0, labelled ? brace : space);
            String labels = labelled ? line.substring(brace, labelsEnd + 1) : "";
            // the value, then an optional timestamp or " # {exemplar labels} value"
            String[] rest = line.substring(space + 1).trim().split(" ");
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(rest[0])));
            } catch (NumberFormatException e) {
                // an exemplar-only or otherwise unreadable line: not needed for sums
            }
        }
        return new MetricsSnapshot(List.copyOf(samples));
    }

    /** The brace closing the label set that opens at {@code open}; braces inside quoted values do not count. */
    private static int closingBrace(String line, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The sum over the series of this name whose label text contains every one of the fragments. */
    double sum(String name, String... labelFragments) {
        return samples.stream()
                .filter(sample -> sample.name().equals(name))
                .filter(sample -> List.of(labelFragments).stream().allMatch(sample.labels()::contains))
                .mapToDouble(Sample::value)
                .sum();
    }
}
