package wirewatch.local.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * What happened to each story of a run, indexed by its number in the schedule, and the report made of it. Written by
 * the sending threads and read only once they have all finished (or by the wait for webhooks, after that).
 */
final class LoadResult {

    private final Schedule schedule;
    private final Duration grace;
    private final String runId;
    private final long[] sent;
    private final long[] answered;
    private final int[] status;
    private final String[] storyIds;
    private final boolean[] duplicate;
    private final String[] clusterIds;
    private long startNanos;
    private Instant startWall;
    private Map<String, LoadReceiver.Arrival> arrivals = Map.of();
    private int repeats;
    private int badSignatures;
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private ServiceStages services;

    LoadResult(Schedule schedule, Duration grace, String runId) {
        this.schedule = schedule;
        this.grace = grace;
        this.runId = runId;
        int size = schedule.size();
        sent = new long[size];
        answered = new long[size];
        status = new int[size];
        storyIds = new String[size];
        duplicate = new boolean[size];
        clusterIds = new String[size];
    }

    /** The schedule's start, on the monotonic clock and on the wall clock the services stamp events with. */
    void start(long nanos, Instant wall) {
        startNanos = nanos;
        startWall = wall;
    }

    /** A monotonic-clock reading as wall-clock time, to compare with the services' timestamps. */
    Instant wallClock(long nanos) {
        return startWall.plusNanos(nanos - startNanos);
    }

    /**
     * @param httpStatus 0 when no answer came
     * @param clusterId  the cluster ingest put the story in: another story's id when it found the story to be a copy
     */
    void answered(int n, long sentNanos, long answeredNanos, int httpStatus, String storyId, String clusterId,
            boolean wasDuplicate) {
        sent[n] = sentNanos;
        answered[n] = answeredNanos;
        status[n] = httpStatus;
        storyIds[n] = storyId;
        clusterIds[n] = clusterId;
        duplicate[n] = wasDuplicate;
    }

    /**
     * Whether ingest put the story into an earlier story's cluster. The generator makes every story different, but
     * among tens of thousands of short templated stories a few pairs share half their shingles by chance, and ingest
     * rightly calls them copies; notify's flood control then sends one alert per cluster and category, so such a
     * story may get no webhook without anything being lost.
     */
    private boolean copy(int n) {
        return clusterIds[n] != null && !clusterIds[n].equals(storyIds[n]);
    }

    /** Why a story got no answer, counted by kind, so a timeout is told from a refused connection. */
    void failed(Exception e) {
        failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
    }

    boolean allArrived(Map<String, LoadReceiver.Arrival> received) {
        return IntStream.range(0, storyIds.length)
                .allMatch(n -> storyIds[n] == null || copy(n) || received.containsKey(storyIds[n]));
    }

    void arrivals(Map<String, LoadReceiver.Arrival> received, int repeatCount, int badSignatureCount) {
        arrivals = Map.copyOf(received);
        repeats = repeatCount;
        badSignatures = badSignatureCount;
    }

    /** The services' own account of the run, rendered after the harness's. */
    void services(ServiceStages stages) {
        services = stages;
    }

    private long due(int n) {
        return startNanos + schedule.dueNanos(n);
    }

    /** Whether a webhook came for the story (a story ingest did not accept has no id). */
    private boolean alerted(int n) {
        return storyIds[n] != null && arrivals.containsKey(storyIds[n]);
    }

    /** From the story's due time to its webhook's arrival; only for an {@link #alerted} story. */
    private long webhookLatency(int n) {
        return arrivals.get(storyIds[n]).receivedNanos() - due(n);
    }

    String render() {
        int size = schedule.size();
        long accepted = IntStream.range(0, size).filter(n -> status[n] == 202).count();
        long duplicates = IntStream.range(0, size).filter(n -> duplicate[n]).count();
        Map<Integer, Long> refused = new TreeMap<>();
        IntStream.range(0, size).filter(n -> status[n] != 202)
                .forEach(n -> refused.merge(status[n], 1L, Long::sum));
        int[] measured = IntStream.range(0, size).filter(schedule::measured).filter(n -> status[n] == 202).toArray();
        int[] alerted = IntStream.of(measured).filter(this::alerted).toArray();
        long copies = IntStream.of(measured).filter(this::copy).count();
        long heldBack = IntStream.of(measured).filter(this::copy).filter(n -> !alerted(n))
                .count();
        var out = new StringBuilder();
        out.append("run %s%n".formatted(runId));
        out.append("offered    %d stories/s for %d s, the first %d s warm-up (sent, not in the statistics)%n"
                .formatted(schedule.rate(), schedule.duration().toSeconds(), schedule.warmUp().toSeconds()));
        long[] sendTimes = IntStream.range(0, size).mapToLong(n -> sent[n]).filter(t -> t > 0).toArray();
        long[] arrivalTimes = arrivals.values().stream().mapToLong(LoadReceiver.Arrival::receivedNanos).toArray();
        out.append("achieved   %.1f stories/s sent, %.1f webhooks/s received%n"
                .formatted(perSecond(sendTimes), perSecond(arrivalTimes)));
        out.append("stories    %d sent, %d accepted (202, %d of them duplicates), not accepted %s%n"
                .formatted(size, accepted, duplicates, refused.isEmpty() ? "0"
                        : refused + " by status, 0 = no answer: " + new TreeMap<>(failures)));
        out.append("measured   %d accepted after warm-up, %d alerted, %d lost (no webhook within %d s); "
                .formatted(measured.length, alerted.length, measured.length - alerted.length - heldBack,
                        grace.toSeconds()));
        out.append("%d repeated webhooks, %d bad signatures%n".formatted(repeats, badSignatures));
        out.append("copies     %d put into an earlier story's cluster by ingest, %d of them without a webhook "
                .formatted(copies, heldBack));
        out.append("(flood control: one alert per cluster and category)%n".formatted());
        var latency = new Percentiles(latencies(alerted, this::webhookLatency));
        out.append("latency    story due → signed webhook received, ms: p50 %s  p95 %s  p99 %s  max %s%n"
                .formatted(ms(latency.at(50)), ms(latency.at(95)), ms(latency.at(99)), ms(latency.max())));
        out.append("stages     ms after the story was due, p50 / p95 / p99 (alerted stories after warm-up):%n"
                .formatted());
        stage(out, "sent (harness lag)", latencies(alerted, n -> sent[n] - due(n)));
        stage(out, "202 from ingest", latencies(alerted, n -> answered[n] - due(n)));
        int[] stamped = IntStream.of(alerted).filter(n -> arrivals.get(storyIds[n]).classifiedAt() != null).toArray();
        stage(out, "alert classifiedAt", latencies(stamped,
                n -> Duration.between(wallClock(due(n)), arrivals.get(storyIds[n]).classifiedAt()).toNanos()));
        stage(out, "webhook received", latencies(alerted, this::webhookLatency));
        overTime(out);
        if (services != null) {
            out.append(services.render());
        }
        return out.toString();
    }

    /**
     * The latency of the whole run, warm-up included, by when the stories were due: a run whose start or a stretch of
     * which went badly (the JIT recompiling what the change from idle to load deoptimised, a collection, a burst of
     * other work) shows where, instead of only in the run's p99. At most twelve slices of ten seconds or more.
     */
    private void overTime(StringBuilder out) {
        long slice = TimeUnit.SECONDS.toNanos(10 * Math.max(1, (schedule.duration().toSeconds() + 119) / 120));
        var bySlice = new TreeMap<Long, List<Long>>();
        IntStream.range(0, schedule.size())
                .filter(this::alerted)
                .forEach(n -> bySlice.computeIfAbsent(schedule.dueNanos(n) / slice, any -> new ArrayList<>())
                        .add(webhookLatency(n)));
        out.append("over time  story due → webhook received, by when the stories were due (* warm-up), ms:%n"
                .formatted());
        bySlice.forEach((index, nanos) -> {
            var latency = new Percentiles(nanos.stream().mapToLong(Long::longValue).toArray());
            long from = index * slice;
            var when = "%d–%d s%s".formatted(TimeUnit.NANOSECONDS.toSeconds(from),
                    TimeUnit.NANOSECONDS.toSeconds(from + slice), from < schedule.warmUp().toNanos() ? "*" : "");
            out.append("             %-20s p50 %8s  p99 %8s  max %8s  (%d stories)%n".formatted(when,
                    ms(latency.at(50)), ms(latency.at(99)), ms(latency.max()), latency.count()));
        });
    }

    private static long[] latencies(int[] stories, IntToLongFunction latency) {
        return IntStream.of(stories).mapToLong(latency::applyAsLong).toArray();
    }

    private static void stage(StringBuilder out, String name, long[] nanos) {
        var stage = new Percentiles(nanos);
        out.append("             %-20s %8s / %8s / %8s%n"
                .formatted(name, ms(stage.at(50)), ms(stage.at(95)), ms(stage.at(99))));
    }

    /** Events per second between the first and the last of them. */
    private static double perSecond(long[] nanos) {
        if (nanos.length < 2) {
            return 0;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long t : nanos) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return last == first ? 0 : (nanos.length - 1) * 1e9 / (last - first);
    }

    private static String ms(long nanos) {
        return "%.1f".formatted(nanos / 1e6);
    }
}
