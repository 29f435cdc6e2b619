package wirewatch.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.WebhookReceiver;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Mode;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStatus;

/**
 * The check at connect time against DNS rebinding. Only the DNS answer is stubbed (a public-looking name that
 * resolves to whatever the test says); the HTTP client, the policy and the receiver are real, and no test ever
 * sends a packet to a private address: a refused address is never connected to.
 */
class WebhookSenderTests {

    private static final String HOST = "hooks.example.com";

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final Deque<String> answers = new ArrayDeque<>();
    private final HostResolver dns = host -> {
        if (!host.equals(HOST)) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(answers.size() > 1 ? answers.pop() : answers.peek())};
    };

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "169.254.169.254", "192.168.0.10", "::1"})
    void refusesAtConnectTimeANameThatResolvesToAnInternalAddress(String address) throws Exception {
        answers.add(address);
        var resolved = InetAddress.getByName(address).getHostAddress();
        try (var sender = sender(false)) {
            var outcome = sender.send(UUID.randomUUID(), subscription("http://" + HOST + ":" + receiver.port()
                    + "/hooks/200/refused"), alert());

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> {
                assertThat(failed.retryable()).isFalse();
                assertThat(failed.reason()).isEqualTo("refused at connect time: target host " + HOST
                        + " resolves to " + resolved
                        + ", a loopback, private, link-local or metadata address; webhooks must reach public hosts");
            });
        }
        assertThat(receiver.receivedAt("/hooks/200/refused")).isEmpty();
    }

    @Test
    void refusesANameThatWasPublicWhenSubscribingAndRebindsToLoopbackBeforeSending() throws Exception {
        answers.addAll(List.of("93.184.215.14", "127.0.0.1"));
        var target = "http://" + HOST + ":" + receiver.port() + "/hooks/200/rebound";
        var policy = new PrivateNetworkPolicy(properties(false), dns);
        assertThat(policy.refusal(URI.create(target))).isEmpty();

        try (var sender = new WebhookSender(properties(false), dns, policy, JsonMapper.builder().build(),
                Tracer.NOOP, Propagator.NOOP, new SimpleMeterRegistry(), SigningSecrets.AS_CREATED)) {
            var outcome = sender.send(UUID.randomUUID(), subscription(target), alert());

            assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, failed ->
                    assertThat(failed.reason()).contains("resolves to 127.0.0.1"));
        }
        assertThat(receiver.receivedAt("/hooks/200/rebound")).isEmpty();
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheHostNameInTheRequest() throws Exception {
        answers.add("127.0.0.1");
        var deliveryId = UUID.randomUUID();
        try (var sender = sender(true)) {
            var outcome = sender.send(deliveryId, subscription("http://" + HOST + ":" + receiver.port()
                    + "/hooks/200/allowed"), alert());

            assertThat(outcome).isEqualTo(SendOutcome.delivered());
        }
        assertThat(receiver.receivedAt("/hooks/200/allowed")).singleElement().satisfies(request -> {
            assertThat(request.header("host")).isEqualTo(HOST + ":" + receiver.port());
            assertThat(request.header("webhook-id")).isEqualTo(deliveryId.toString());
        });
    }

    @Test
    void readsRetryAfterInSeconds() throws Exception {
        answers.add("127.0.0.1");
        var url = receiver.scripted("busy", WebhookReceiver.Reply.retryAfter(429, "120"))
                .replace("127.0.0.1", HOST);
        try (var sender = sender(true)) {
            var outcome = sender.send(UUID.randomUUID(), subscription(url), alert());

            assertThat(outcome).isEqualTo(SendOutcome.failed("the receiver answered HTTP 429", Duration.ofSeconds(120)));
        }
    }

    @Test
    void givesUpOnAReceiverThatTricklesItsAnswerForLongerThanTheRequestTimeout() throws Exception {
        answers.add("127.0.0.1");
        var url = receiver.scripted("trickling", WebhookReceiver.Reply.trickling()).replace("127.0.0.1", HOST);
        try (var sender = sender(true)) {
            long started = System.nanoTime();
            var outcome = sender.send(UUID.randomUUID(), subscription(url), alert());
            var took = Duration.ofNanos(System.nanoTime() - started);

            // Every byte comes well within the 2 s socket timeout; only the attempt's deadline can end this.
            assertThat(outcome).isEqualTo(SendOutcome.failed("no answer within 2000 ms"));
            assertThat(took).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void sendsOnceMoreAtOnceWhenTheReceiverClosesTheConnectionWithoutAnswering() throws Exception {
        answers.add("127.0.0.1");
        var deliveryId = UUID.randomUUID();
        var requests = new CopyOnWriteArrayList<String>();
        // The server is closed first, so a failing test does not leave the receiving thread waiting to accept.
        try (var receiving = Executors.newVirtualThreadPerTaskExecutor();
                var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // The first connection is closed once the request is read, with no answer: a receiver's idle timeout
            // closing a kept-alive connection as the request arrives. The second answers.
            var received = receiving.submit(() -> {
                try (var first = server.accept()) {
                    requests.add(readRequest(first));
                }
                try (var second = server.accept()) {
                    requests.add(readRequest(second));
                    second.getOutputStream()
                            .write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                return requests.size();
            });
            try (var sender = sender(true)) {
                var outcome = sender.send(deliveryId, subscription("http://" + HOST + ":" + server.getLocalPort()
                        + "/hooks"), alert());

                assertThat(outcome).isEqualTo(SendOutcome.delivered());
            }
            assertThat(received.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(requests).allSatisfy(request -> assertThat(request.toLowerCase(Locale.ROOT))
                .startsWith("post /hooks http/1.1").contains("webhook-id: " + deliveryId));
    }

    /** The request's head and body, read by its {@code Content-Length}. */
    private static String readRequest(Socket socket) throws IOException {
        var in = socket.getInputStream();
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("the request ended within its head");
            }
            head.write(next);
        }
        var text = head.toString(StandardCharsets.US_ASCII);
        var length = text.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private WebhookSender sender(boolean allowPrivateTargets) {
        var properties = properties(allowPrivateTargets);
        return new WebhookSender(properties, dns, new PrivateNetworkPolicy(properties, dns),
                JsonMapper.builder().build(), Tracer.NOOP, Propagator.NOOP, new SimpleMeterRegistry(),
                SigningSecrets.AS_CREATED);
    }

    private static WebhookProperties properties(boolean allowPrivateTargets) {
        return new WebhookProperties(allowPrivateTargets, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofDays(5), Duration.ofHours(24), Duration.ofSeconds(1), 20, 10);
    }

    private static Subscription subscription(String target) {
        return new Subscription(UUID.randomUUID(), Channel.WEBHOOK, target, List.of("CEASEFIRE"), 0, List.of(),
                List.of(), Mode.INSTANT, null, SubscriptionStatus.ACTIVE, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "unsubscribe-token", null, null, Instant.parse("2025-05-20T08:00:00Z"));
    }

    private static Alert alert() {
        return new Alert("alert-1", "story-1", "cluster-1",
                new Alert.StoryRef("A ceasefire is proposed", "https://example.com/ceasefire", "example.com",
                        Instant.parse("2025-05-20T08:00:00Z")),
                List.of("CEASEFIRE"),
                List.of(new Alert.Match("ceasefire", "CEASEFIRE", 0.9, List.of("A ceasefire is proposed."),
                        Stance.PROPOSED)),
                "sha256:0123", Instant.parse("2025-05-20T08:01:00Z"));
    }
}
