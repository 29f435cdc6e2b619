package wirewatch.local.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The CPU the whole machine and this harness spent, read before and after a run: the services report their own,
 * and what is left is Kafka's, PostgreSQL's and anything else running. The machine's figure comes from Linux's
 * {@code /proc/stat}; elsewhere it is absent and the report says so.
 *
 * @param machineBusySeconds CPU seconds all cores spent outside idle and I/O wait since boot, if known
 * @param harnessSeconds     CPU seconds this JVM spent (sending stories and receiving webhooks)
 */
record MachineCpu(OptionalDouble machineBusySeconds, double harnessSeconds) {

    /** Linux reports {@code /proc/stat} in USER_HZ, 100 per second on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;

    static MachineCpu now() {
        var harness = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        try {
            var firstLine = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            return new MachineCpu(OptionalDouble.of(busySeconds(firstLine)), harness);
        } catch (IOException | RuntimeException e) {
            return new MachineCpu(OptionalDouble.empty(), harness);
        }
    }

    /**
     * From the {@code cpu} line of {@code /proc/stat}: user, nice, system, idle, iowait, irq, softirq, steal, ...;
     * everything but idle and iowait is busy (guest time is already inside user and nice).
     */
    static double busySeconds(String cpuLine) {
        var fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long[] ticks = Arrays.stream(fields, 1, Math.min(fields.length, 9)).mapToLong(Long::parseLong).toArray();
        long busy = 0;
        for (int field = 0; field < ticks.length; field++) {
            if (field != 3 && field != 4) {
                busy += ticks[field];
            }
        }
        return busy / TICKS_PER_SECOND;
    }
}
