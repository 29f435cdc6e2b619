package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTests {

    @Test
    void takesTheNearestRankOfAHundredValues() {
        // 100, 99, ..., 1 in reverse, so sorting is part of what is tested.
        var percentiles = new Percentiles(LongStream.rangeClosed(1, 100).map(v -> 101 - v).toArray());

        assertThat(percentiles.at(50)).isEqualTo(50);
        assertThat(percentiles.at(95)).isEqualTo(95);
        assertThat(percentiles.at(99)).isEqualTo(99);
        assertThat(percentiles.at(100)).isEqualTo(100);
        assertThat(percentiles.max()).isEqualTo(100);
    }

    @Test
    void roundsTheRankUpForFewValues() {
        var percentiles = new Percentiles(new long[] {30, 10, 20});

        assertThat(percentiles.at(50)).isEqualTo(20);
        assertThat(percentiles.at(99)).isEqualTo(30);
        assertThat(percentiles.at(1)).isEqualTo(10);
    }

    @Test
    void letsOneSlowValueOutOfAThousandShowOnlyAboveP99() {
        long[] values = new long[1_000];
        java.util.Arrays.fill(values, 5);
        values[417] = 900;
        var percentiles = new Percentiles(values);

        assertThat(percentiles.at(99)).isEqualTo(5);
        assertThat(percentiles.at(99.9)).isEqualTo(5);
        assertThat(percentiles.max()).isEqualTo(900);
    }

    @Test
    void answersZeroWhenNothingWasMeasured() {
        var percentiles = new Percentiles(new long[0]);

        assertThat(percentiles.at(99)).isZero();
        assertThat(percentiles.max()).isZero();
        assertThat(percentiles.count()).isZero();
    }
}
