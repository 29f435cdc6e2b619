package wirewatch.classify.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import wirewatch.classify.rules.RuleSources;

/**
 * Watches the rules directory (and its subdirectories) and asks for a reload once it has been quiet for the
 * debounce time: editors save through a temporary file and a rename, or write in several steps, and one save
 * should be one reload. A periodic poll catches what the watcher misses (a lost event, a network file system);
 * both end in {@link RulesReloader}, and a reload compiles only when the content hash changed.
 *
 * <p>Events arrive on the watcher's own thread; reloads run on a separate single thread, so compiling a large
 * rule set delays neither the Kafka listeners (which keep using the previous set) nor the watcher.
 */
class RulesDirectoryWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesDirectoryWatcher.class);

    private final Path directory;
    private final Duration debounce;
    private final Duration pollInterval;
    private final RulesReloader reloader;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();

    private ScheduledExecutorService reloads;
    private WatchService watchService;
    private ScheduledFuture<?> pendingReload;
    private volatile boolean running;

    RulesDirectoryWatcher(Path directory, Duration debounce, Duration pollInterval, RulesReloader reloader) {
        this.directory = directory;
        this.debounce = debounce;
        this.pollInterval = pollInterval;
        this.reloader = reloader;
    }

    @Override
    public synchronized void start() {
        reloads = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("rules-reload").daemon().factory());
        try {
            watchService = directory.getFileSystem().newWatchService();
            watchTree(directory);
            Thread.ofPlatform().name("rules-watch").daemon().start(this::watchLoop);
            log.info("Watching {} for rule changes (debounce {}, poll every {})", directory.toAbsolutePath(),
                    debounce, pollInterval);
        } catch (IOException e) {
            log.warn("Cannot watch {} ({}); rule changes will be found by polling every {}",
                    directory.toAbsolutePath(), e.getMessage(), pollInterval);
        }
        reloads.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException e) {
            log.debug("Closing the rules watch service failed", e);
        }
        reloads.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void watchLoop() {
        try {
            while (true) {
                var key = watchService.take();
                if (relevant(key)) {
                    scheduleReload();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // stopped
        }
    }

    /** Rule files, new or vanished directories and lost events matter; editor swap files and the like do not. */
    private boolean relevant(WatchKey key) {
        var dir = watched.get(key);
        boolean relevant = false;
        for (var event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                relevant = true;
                continue;
            }
            var path = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                watchTree(path);
                relevant = true;
            } else if (RuleSources.isRuleFile(path)) {
                relevant = true;
            }
        }
        if (!key.reset()) {
            watched.remove(key);
            relevant = true;
        }
        return relevant;
    }

    private synchronized void scheduleReload() {
        if (!running) {
            return;
        }
        if (pendingReload != null) {
            pendingReload.cancel(false);
        }
        pendingReload = reloads.schedule(this::reload, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            reloader.reload();
        } catch (RuntimeException e) {
            log.error("Reloading rules from {} failed unexpectedly; the previous set keeps running", directory, e);
        }
    }

    private void poll() {
        try {
            if (watched.isEmpty() && watchService != null && Files.isDirectory(directory)) {
                // the directory was removed and has come back: watch it again
                watchTree(directory);
            }
            reloader.poll();
        } catch (RuntimeException e) {
            log.error("Polling rules in {} failed unexpectedly; the previous set keeps running", directory, e);
        }
    }

    private void watchTree(Path root) {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                watched.put(dir.register(watchService, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            }
        } catch (IOException | ClosedWatchServiceException e) {
            log.warn("Cannot watch {} for rule changes ({}); polling still covers it", root, e.getMessage());
        }
    }
}
