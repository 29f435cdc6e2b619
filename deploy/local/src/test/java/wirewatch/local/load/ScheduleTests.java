package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ScheduleTests {

    @Test
    void spacesStoriesEvenlyFromTheStartWhateverTheAnswers() {
        var schedule = new Schedule(200, Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThat(schedule.size()).isEqualTo(6_000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(5_000_000L);
        assertThat(schedule.dueNanos(200)).isEqualTo(1_000_000_000L);
        assertThat(schedule.dueNanos(5_999)).isEqualTo(29_995_000_000L);
    }

    @Test
    void keepsOddRatesOnTheClockWithoutDrift() {
        var schedule = new Schedule(3, Duration.ofSeconds(2), Duration.ZERO);

        assertThat(schedule.size()).isEqualTo(6);
        assertThat(schedule.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.dueNanos(2)).isEqualTo(666_666_666L);
        assertThat(schedule.dueNanos(3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void leavesStoriesDueInTheWarmUpOutOfTheStatistics() {
        var schedule = new Schedule(50, Duration.ofSeconds(10), Duration.ofSeconds(2));

        assertThat(schedule.measured(99)).isFalse();
        assertThat(schedule.measured(100)).isTrue();
        assertThat(schedule.measured(499)).isTrue();
    }

    @Test
    void refusesAWarmUpAsLongAsTheRun() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Schedule(10, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .withMessageContaining("warm-up");
    }
}
