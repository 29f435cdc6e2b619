package wirewatch.local.process;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Boot service in {@link ServiceProcessTests}: {@code up <port-file>} serves
 * {@code /actuator/health} on a free port and writes that port to the file; {@code crash} exits with code 3;
 * {@code never-ready <port-file>} serves health as DOWN.
 */
public final class DummyService {

    private DummyService() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("dummy starting with " + String.join(" ", args));
        if (args[0].equals("crash")) {
            System.out.println("dummy: cannot start, configuration is broken");
            System.exit(3);
        }
        boolean up = args[0].equals("up");
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = ("{\"status\":\"" + (up ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(up ? 200 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Files.writeString(Path.of(args[1]), String.valueOf(server.getAddress().getPort()));
    }
}
