package wirewatch.classify.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU a process has used so far, and how much of it its JIT compiler threads took: right after a start the JIT is
 * a large and fading share of a JVM's CPU (a third of classify's at 200 stories/s after a minute's warm-up), so the
 * runner reports the work without it as well. Read from Linux's {@code /proc/<pid>/task/<tid>/stat}; the JVM
 * names its compiler threads "C1 CompilerThre…" and "C2 CompilerThre…". The child JVMs run with
 * {@code -XX:-UseDynamicNumberOfCompilerThreads}, so no compiler thread ends and takes its time out of the sum.
 */
record ProcessCpu(Duration total, Duration compiler) {

    /** Clock ticks per second of the stat files' times (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100;

    static final String STABLE_COMPILER_THREADS = "-XX:-UseDynamicNumberOfCompilerThreads";

    static ProcessCpu of(ProcessHandle process) {
        var total = process.info().totalCpuDuration().orElse(Duration.ZERO);
        long compilerTicks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (var task : tasks.toList()) {
                compilerTicks += compilerTicks(task.resolve("stat"));
            }
        } catch (NoSuchFileException ended) {
            // the process has ended; what it used is all in the total
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProcessCpu(total, Duration.ofNanos((long) (compilerTicks / TICKS_PER_SECOND * 1e9)));
    }

    /** User and system ticks of a compiler thread, 0 for any other (or one that ended meanwhile). */
    private static long compilerTicks(Path stat) throws IOException {
        String line;
        try {
            line = Files.readString(stat);
        } catch (NoSuchFileException ended) {
            return 0;
        }
        // "<tid> (<name>) <state> ...": the name may hold spaces, so the fields are counted after its ')'
        var name = line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) {
            return 0;
        }
        var fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3 of stat); utime and stime are fields 14 and 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    ProcessCpu minus(ProcessCpu earlier) {
        return new ProcessCpu(total.minus(earlier.total), compiler.minus(earlier.compiler));
    }

    /** What the process did apart from compiling. */
    Duration work() {
        return total.minus(compiler);
    }
}
