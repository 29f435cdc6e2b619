package wirewatch.local.load;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latencies: the smallest value at or above the given share of them. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code percent}th percentile (0 < percent <= 100); 0 when there are no values. */
    long at(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
        }
        if (sorted.length == 0) {
            return 0;
        }
        // Multiplying first keeps 99 % of 100 values at rank 99 exactly (0.99 * 100 is 99.00000000000001).
        int rank = (int) Math.ceil(percent * sorted.length / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }
}
