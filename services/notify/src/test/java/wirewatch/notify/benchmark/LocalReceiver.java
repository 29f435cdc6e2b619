package wirewatch.notify.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook receiver of the load runner, in a JVM of its own so that the runner's CPU figure for notify is
 * notify's alone (the receiver's is reported beside it). Answers 204 to every POST under {@code /hooks/}, counting
 * requests and distinct {@code webhook-id}s; {@code GET /stats} answers {@code <requests> <distinct ids>}. It
 * prints its port on its first line of output and stops when its standard input closes (with the runner).
 */
final class LocalReceiver implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private LocalReceiver(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the receiver JVM with this JVM's runtime and class path. */
    static LocalReceiver start() throws IOException {
        var java = ProcessHandle.current().info().command().orElseThrow();
        var process = new ProcessBuilder(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LocalReceiver.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var firstLine = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (firstLine == null) {
            throw new IOException("the receiver JVM exited before naming its port");
        }
        return new LocalReceiver(process, Integer.parseInt(firstLine.strip()));
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/";
    }

    /** Requests and distinct webhook-ids seen so far. */
    long[] stats() throws IOException, InterruptedException {
        var answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body().split(" ");
        return new long[] {Long.parseLong(answer[0]), Long.parseLong(answer[1])};
    }

    /** CPU the receiver's JVM has used so far. */
    Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] args) throws IOException {
        var requests = new AtomicLong();
        Map<String, Boolean> ids = new ConcurrentHashMap<>();
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/hooks/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                ids.put(exchange.getRequestHeaders().getFirst("webhook-id"), Boolean.TRUE);
                requests.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/stats", exchange -> {
            try (exchange) {
                var body = (requests.get() + " " + ids.size()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        // No executor: the server's own thread runs each (tiny) handler, the cheapest receiver the JDK offers, so
        // that the machine's two cores go to notify.
        server.setExecutor(null);
        server.start();
        System.out.println(server.getAddress().getPort());
        System.out.flush();
        // The runner holds our standard input open; when it ends (normally or not), so do we.
        while (System.in.read() != -1) {
            // nothing is ever written to it
        }
        server.stop(0);
        System.exit(0);
    }
}
