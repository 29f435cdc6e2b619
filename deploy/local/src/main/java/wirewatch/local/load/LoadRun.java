package wirewatch.local.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deploy/load/run}: subscribes its own receiver to the categories its stories match, posts stories to ingest
 * on a fixed schedule, waits for their webhooks, removes the subscription and prints what it measured.
 */
public final class LoadRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** As many as ingest's Tomcat accepts ({@code server.tomcat.max-connections}). */
    private static final int CONNECTIONS_PER_SERVICE = 1000;

    private final LoadSettings settings;
    private final LoadHttp http;

    private LoadRun(LoadSettings settings, LoadHttp http) {
        this.settings = settings;
        this.http = http;
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings;
        try {
            settings = LoadSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadSettings.USAGE);
            System.exit(2);
            return;
        }
        try (var http = new LoadHttp(settings.apiKey(), REQUEST_TIMEOUT, CONNECTIONS_PER_SERVICE)) {
            System.out.print(new LoadRun(settings, http).run().render());
        }
        // Other work on the machine shows in every number above; say how busy it was.
        System.out.printf("load       average %.1f on %d cores at the end%n", loadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    private LoadResult run() throws IOException, InterruptedException {
        Schedule schedule = settings.schedule();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        var stories = new StoryGenerator(System.nanoTime(), runId);
        var result = new LoadResult(schedule, settings.grace(), runId);
        var stages = new ServiceStages(http, Map.of("ingest", settings.ingestUrl(), "classify",
                settings.classifyUrl(), "notify", settings.notifyUrl()));
        try (var receiver = new LoadReceiver(System::nanoTime)) {
            String subscription = subscribe(receiver);
            // Ctrl-C during the run still removes the subscription.
            Thread cleanUp = new Thread(() -> unsubscribe(subscription));
            Runtime.getRuntime().addShutdownHook(cleanUp);
            try {
                System.out.printf("run %s: %d stories at %d/s for %ss to %s, webhooks to %s; load average %.1f%n",
                        runId, schedule.size(), schedule.rate(), schedule.duration().toSeconds(), settings.ingestUrl(),
                        receiver.url(), loadAverage());
                stages.before();
                send(schedule, stories, result);
                awaitWebhooks(result, receiver);
                stages.after();
                result.arrivals(receiver.arrivals(), receiver.repeats(), receiver.badSignatures());
                result.services(stages);
            } finally {
                unsubscribe(subscription);
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            }
        }
        return result;
    }

    /**
     * One platform thread keeps the schedule; each story is posted from its own virtual thread, so a slow answer
     * never delays the next story. A story is stamped with the time it was due, not the time it went out.
     */
    private void send(Schedule schedule, StoryGenerator stories, LoadResult result) throws InterruptedException {
        var answered = new CountDownLatch(schedule.size());
        URI endpoint = settings.ingestUrl().resolve("/api/stories");
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        result.start(start, Instant.now().plusMillis(200));
        for (int n = 0; n < schedule.size(); n++) {
            var story = stories.next(n);
            long due = start + schedule.dueNanos(n);
            String body = JSON.writeValueAsString(Map.of("url", story.url(), "title", story.title(),
                    "body", story.body(), "source", "load.wirewatch.test",
                    "publishedAt", result.wallClock(due).toString()));
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = n;
            Thread.startVirtualThread(() -> {
                try {
                    post(endpoint, body, index, result);
                } finally {
                    answered.countDown();
                }
            });
        }
        if (!answered.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            System.err.println("Some story requests did not finish within " + REQUEST_TIMEOUT);
        }
    }

    private void post(URI endpoint, String body, int n, LoadResult result) {
        long sent = System.nanoTime();
        try {
            var answer = http.postJson(endpoint, body);
            String storyId = null;
            String clusterId = null;
            boolean duplicate = false;
            if (answer.status() == 202) {
                JsonNode receipt = JSON.readTree(answer.body());
                storyId = receipt.path("id").asString();
                clusterId = receipt.path("clusterId").asString();
                duplicate = receipt.path("duplicate").asBoolean(false);
            }
            result.answered(n, sent, System.nanoTime(), answer.status(), storyId, clusterId, duplicate);
        } catch (IOException | RuntimeException e) {
            result.answered(n, sent, System.nanoTime(), 0, null, null, false);
            result.failed(e);
        }
    }

    private void awaitWebhooks(LoadResult result, LoadReceiver receiver) throws InterruptedException {
        long deadline = System.nanoTime() + settings.grace().toNanos();
        while (System.nanoTime() < deadline && !result.allArrived(receiver.arrivals())) {
            Thread.sleep(50);
        }
    }

    private String subscribe(LoadReceiver receiver) throws IOException {
        var request = new LinkedHashMap<String, Object>();
        request.put("channel", "webhook");
        request.put("target", receiver.url().toString());
        request.put("categories", StoryGenerator.CATEGORIES);
        request.put("mode", "instant");
        var answer = http.postJson(settings.notifyUrl().resolve("/api/subscriptions"),
                JSON.writeValueAsString(request));
        if (answer.status() != 201) {
            throw new IllegalStateException("notify refused the load subscription: HTTP " + answer.status()
                    + " " + answer.body());
        }
        JsonNode created = JSON.readTree(answer.body());
        receiver.secret(created.path("secret").asString());
        return created.path("id").asString();
    }

    private void unsubscribe(String id) {
        try {
            http.delete(settings.notifyUrl().resolve("/api/subscriptions/" + id));
        } catch (IOException e) {
            System.err.println("Could not remove subscription " + id + ": " + e.getMessage());
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
