package wirewatch.local.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MachineCpuTests {

    @Test
    void countsEverythingButIdleAndIoWaitAsBusy() {
        // user 1000, nice 20, system 300, idle 9000, iowait 50, irq 5, softirq 15, steal 10, guest 400, guest_nice 0
        var busy = MachineCpu.busySeconds("cpu  1000 20 300 9000 50 5 15 10 400 0");

        assertThat(busy).isCloseTo(13.5, within(1e-9)); // (1000 + 20 + 300 + 5 + 15 + 10) ticks at 100 per second
    }

    @Test
    void refusesALineThatIsNotTheMachinesTotal() {
        assertThatThrownBy(() -> MachineCpu.busySeconds("cpu0 1 2 3 4 5 6 7 8 0 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
