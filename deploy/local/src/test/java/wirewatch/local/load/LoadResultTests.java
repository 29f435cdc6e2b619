package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadResultTests {

    private static final Instant CLASSIFIED = Instant.parse("2026-11-25T08:00:00Z");

    @Test
    void countsAStoryWithoutAWebhookAsLostUnlessIngestFoundItToBeACopy() {
        var result = new LoadResult(new Schedule(4, Duration.ofSeconds(1), Duration.ZERO), Duration.ofSeconds(5), "r");
        result.start(0, CLASSIFIED);
        result.answered(0, 1, 2, 202, "a", "a", false);
        result.answered(1, 1, 2, 202, "b", "b", false);
        // c is a copy of a: held back by flood control, not lost; d is in its own cluster and never came.
        result.answered(2, 1, 2, 202, "c", "a", false);
        result.answered(3, 1, 2, 202, "d", "d", false);
        var arrivals = Map.of("a", new LoadReceiver.Arrival(3, CLASSIFIED), "b", new LoadReceiver.Arrival(3, CLASSIFIED));
        result.arrivals(arrivals, 0, 0);

        var report = result.render();

        assertThat(report).contains("4 accepted after warm-up, 2 alerted, 1 lost");
        assertThat(report).contains("1 put into an earlier story's cluster by ingest, 1 of them without a webhook");
    }

    @Test
    void waitsForEveryAcceptedStoryButTheCopies() {
        var result = new LoadResult(new Schedule(2, Duration.ofSeconds(1), Duration.ZERO), Duration.ofSeconds(5), "r");
        result.answered(0, 1, 2, 202, "a", "a", false);
        result.answered(1, 1, 2, 202, "c", "a", false);

        assertThat(result.allArrived(Map.of())).isFalse();
        assertThat(result.allArrived(Map.of("a", new LoadReceiver.Arrival(3, CLASSIFIED)))).isTrue();
    }

    @Test
    void reportsTheLatencyOfEachTenSecondsOfTheRunWithTheWarmUpMarked() {
        var result = new LoadResult(new Schedule(1, Duration.ofSeconds(20), Duration.ofSeconds(10)),
                Duration.ofSeconds(5), "r");
        result.start(0, CLASSIFIED);
        var arrivals = new HashMap<String, LoadReceiver.Arrival>();
        for (int n = 0; n < 20; n++) {
            long due = n * 1_000_000_000L;
            result.answered(n, due, due + 1, 202, "s" + n, "s" + n, false);
            // The warm-up's stories took 100 ms each, the measured ones 5 ms, save the last at 7 ms.
            long took = n < 10 ? 100_000_000L : n == 19 ? 7_000_000L : 5_000_000L;
            arrivals.put("s" + n, new LoadReceiver.Arrival(due + took, CLASSIFIED));
        }
        result.arrivals(arrivals, 0, 0);

        var report = result.render();

        assertThat(report).containsPattern("0–10 s\\* +p50 +100\\.0 +p99 +100\\.0 +max +100\\.0 +\\(10 stories\\)");
        assertThat(report).containsPattern("10–20 s +p50 +5\\.0 +p99 +7\\.0 +max +7\\.0 +\\(10 stories\\)");
        // The run's own figures still leave the warm-up out.
        assertThat(report).contains("ms: p50 5.0  p95 7.0  p99 7.0  max 7.0");
    }
}
