package wirewatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import wirewatch.local.demo.DemoSubscriptions;
import wirewatch.local.demo.SeedStory;
import wirewatch.local.kafka.KafkaBrokerProcess;
import wirewatch.local.mail.InboxPage;
import wirewatch.local.mail.LocalMailServer;
import wirewatch.local.postgres.LocalPostgres;
import wirewatch.local.process.ActuatorHealthCheck;
import wirewatch.local.prometheus.PrometheusProcess;
import wirewatch.local.process.ServiceProcess;
import wirewatch.local.process.ServiceStartException;
import wirewatch.local.web.LocalWebServer;
import wirewatch.local.webhook.WebhookReceiver;

/**
 * Starts everything, prints where it is, and stops it all on Ctrl-C or SIGTERM: services first (they still need
 * Kafka and PostgreSQL to shut down cleanly), then the broker, mail, PostgreSQL and the web server.
 */
public final class LocalRun {

    static final String DB_USER = "wirewatch";
    static final String DEMO_EMAIL = "demo@wirewatch.local";
    static final String DEMO_WEBHOOK_ENDPOINT = "demo";

    private final LocalRunSettings settings;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private LocalWebServer web;
    private LocalMailServer mail;
    private LocalPostgres postgres;
    private KafkaBrokerProcess kafka;
    private PrometheusProcess prometheus;
    private boolean stopped;

    private LocalRun(LocalRunSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws InterruptedException {
        Instant launched = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        LocalRunSettings settings;
        try {
            settings = LocalRunSettings.from(args, System.getenv(), Path.of("").toAbsolutePath());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LocalRun run = new LocalRun(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "wirewatch-local-stop"));
        try {
            Banner banner = run.start();
            System.out.println(banner.render(Duration.between(launched, Instant.now())));
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("Wirewatch did not start: " + e.getMessage());
            run.stop();
            System.exit(1);
        }
        new CountDownLatch(1).await();
    }

    private Banner start() {
        try {
            LocalPostgres.stopLeftOverServer(settings.data().resolve("postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refuseBusyPorts();
        say("Starting Kafka, PostgreSQL, mail and the web server");
        WebhookReceiver webhooks = new WebhookReceiver();
        web = LocalWebServer.start(settings.port("web-port"));
        mail = LocalMailServer.start(settings.port("smtp-port"), settings.port("imap-port"));
        web.route("/webhooks", webhooks).route("/", new InboxPage(mail.inbox()));
        kafka = KafkaBrokerProcess.start(new KafkaBrokerProcess.Settings(settings.kafkaClassPath(),
                settings.data().resolve("kafka"), settings.logs().resolve("kafka.log"), settings.port("kafka-port"),
                settings.port("kafka-controller-port"), childJvmArgs()));
        // PostgreSQL starts in this JVM while the broker's JVM boots.
        postgres = LocalPostgres.start(new LocalPostgres.Settings(settings.data().resolve("postgres"),
                settings.logs().resolve("postgres.log"), settings.port("postgres-port"), DB_USER, DB_USER,
                List.of("ingest", "notify")));
        kafka.awaitReady();

        say("Starting ingest, classify and notify (logs in " + settings.logs() + ")");
        for (String service : List.of("ingest", "classify", "notify")) {
            services.add(service(service).start());
        }
        awaitAll(services);
        services.forEach(this::warnWhenItDies);
        String prometheusUrl = settings.prometheus() ? startPrometheus() : null;

        Path seed = SeedStory.write(settings.seedStoryText(), settings.data().resolve("seed-story.json"));
        Banner.DemoOutcome demo = settings.loadTest() ? withoutDemoSubscriptions() : demoSubscriptions(webhooks);
        return new Banner(settings, web.baseUrl(), kafka.bootstrapServers(), postgres, mail.smtpPort(),
                mail.imapPort(), demo, seed, prometheusUrl);
    }

    private String startPrometheus() {
        say("Starting Prometheus (alert rules from " + settings.prometheusRules() + ")");
        Path log = settings.logs().resolve("prometheus.log");
        Map<String, Integer> targets = new LinkedHashMap<>();
        LocalRunSettings.SERVICES.forEach(service -> targets.put(service, settings.servicePort(service)));
        prometheus = PrometheusProcess.start(new PrometheusProcess.Settings(settings.prometheusConfigTemplate(),
                settings.prometheusRules(), targets, settings.data().resolve("prometheus"), log,
                settings.port("prometheus-port"))).awaitReady(log);
        return prometheus.url();
    }

    /** A failure here is reported, not fatal: the load harness still runs, with a warning in the banner. */
    private Banner.DemoOutcome withoutDemoSubscriptions() {
        String why = "left out for the load test (" + LocalRunSettings.LOAD_TEST_FLAG + ")";
        try {
            int removed = demo(null).remove();
            return new Banner.DemoOutcome(null, removed == 0 ? why
                    : why + "; removed the " + removed + " an earlier run left in notify's database");
        } catch (RuntimeException e) {
            System.err.println("!! The demo subscriptions of an earlier run could not be removed: " + e.getMessage());
            return new Banner.DemoOutcome(null, why + ", but those of an earlier run may still receive every alert: "
                    + e.getMessage());
        }
    }

    /** Everything runs without them, so a failure here is reported, not fatal. */
    private Banner.DemoOutcome demoSubscriptions(WebhookReceiver webhooks) {
        say("Setting up the demo subscriptions");
        String webhookUrl = web.baseUrl() + "/webhooks/" + DEMO_WEBHOOK_ENDPOINT;
        try {
            DemoSubscriptions.Demo demo = demo(webhookUrl).ensure();
            if (demo.webhookSecret() != null) {
                webhooks.secret(DEMO_WEBHOOK_ENDPOINT, demo.webhookSecret());
            }
            return new Banner.DemoOutcome(demo, null);
        } catch (RuntimeException e) {
            System.err.println("!! The demo subscriptions could not be set up: " + e.getMessage());
            return new Banner.DemoOutcome(null, e.getMessage());
        }
    }

    private DemoSubscriptions demo(String webhookUrl) {
        return new DemoSubscriptions(URI.create(serviceUrl("notify")), settings.apiKey(), mail.inbox(),
                settings.data().resolve("demo.json"), webhookUrl, DEMO_EMAIL);
    }

    private ServiceProcess service(String name) {
        Path jar = settings.serviceJar(name);
        if (!Files.exists(jar)) {
            throw new ServiceStartException(jar + " is missing: build with ./mvnw -q -DskipTests package");
        }
        int port = settings.servicePort(name);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", String.valueOf(port));
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        properties.put("wirewatch.api.key", settings.apiKey());
        switch (name) {
            case "ingest" -> database(properties, "ingest");
            case "classify" -> properties.put("wirewatch.rules.directory", settings.rulesDirectory().toString());
            case "notify" -> {
                database(properties, "notify");
                properties.put("spring.mail.host", "localhost");
                properties.put("spring.mail.port", String.valueOf(mail.smtpPort()));
                properties.put("wirewatch.notify.webhook.allow-private-targets", "true");
                properties.put("wirewatch.notify.public-url", serviceUrl("notify"));
                if (settings.loadTest()) {
                    properties.put("wirewatch.notify.flood.instant-per-hour", "1000000");
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        ServiceProcess.Builder builder = ServiceProcess.builder(name)
                .jar(jar)
                .properties(properties)
                .workingDirectory(settings.root())
                .logFile(settings.logs().resolve(name + ".log"))
                .readiness(ActuatorHealthCheck.onLocalPort(port))
                .startTimeout(Duration.ofMinutes(3));
        childJvmArgs().forEach(builder::jvmArg);
        // Quick start over peak speed: the C1 compiler alone starts three Boot apps on two cores noticeably sooner.
        // A load test wants peak speed.
        if (!settings.loadTest()) {
            builder.jvmArg("-XX:TieredStopAtLevel=1");
        }
        // The heap's floor at its ceiling, as servers usually run: left to itself G1 shrank ingest's heap to about
        // 116 MB under load, so young collections came often and a concurrent cycle after every few.
        builder.jvmArg("-Xms512m");
        builder.jvmArg("-Xmx512m");
        settings.serviceJvmArgs().forEach(builder::jvmArg);
        return builder.build();
    }

    private void database(Map<String, String> properties, String database) {
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", DB_USER);
        properties.put("spring.datasource.password", DB_USER);
    }

    private List<String> childJvmArgs() {
        Path agent = settings.parentWatchAgent();
        if (!Files.exists(agent)) {
            say("Note: " + agent + " is missing, so child JVMs will outlive a launcher killed with -9");
            return List.of();
        }
        return List.of("-javaagent:" + agent + "=" + ProcessHandle.current().pid());
    }

    private String serviceUrl(String service) {
        return "http://localhost:" + settings.servicePort(service);
    }

    /** Waits for all services at once, so a slow one does not hide a dead one, and reports every failure. */
    private static void awaitAll(List<ServiceProcess> processes) {
        try (ExecutorService waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (ServiceProcess process : processes) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        process.awaitReady();
                        say("  " + process.name() + " is up");
                        return null;
                    } catch (ServiceStartException e) {
                        return e.getMessage();
                    }
                }, waiting));
            }
            List<String> failures = results.stream().map(CompletableFuture::join)
                    .filter(failure -> failure != null).toList();
            if (!failures.isEmpty()) {
                throw new ServiceStartException(String.join("\n\n", failures));
            }
        }
    }

    private void warnWhenItDies(ServiceProcess process) {
        process.onExit().thenAccept(code -> {
            if (!isStopped()) {
                System.err.println("!! " + process.name() + " exited with code " + code + "; see "
                        + process.logFile());
            }
        });
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        say("Stopping");
        try (ExecutorService stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            services.forEach(service -> stopping.submit(service::stop));
        }
        closeQuietly(prometheus);
        closeQuietly(kafka);
        closeQuietly(mail);
        closeQuietly(postgres);
        closeQuietly(web);
        say("Stopped; data kept in " + settings.data());
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("While stopping " + resource.getClass().getSimpleName() + ": " + e);
        }
    }

    private void refuseBusyPorts() {
        List<String> busy = new ArrayList<>();
        settings.portsToBind().forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                busy.add(port + " (" + name + ")");
            }
        });
        if (!busy.isEmpty()) {
            throw new ServiceStartException("These ports are in use: " + String.join(", ", busy)
                    + ". Is an earlier run still up? Stop it, or choose others, e.g. --kafka-port=19092.");
        }
    }

    private static void say(String line) {
        System.out.println("[wirewatch] " + line);
    }
}
