package wirewatch.local.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server.properties of a one-node development cluster. */
final class BrokerConfig {

    private BrokerConfig() {
    }

    static Map<String, String> singleNode(int port, int controllerPort, Path partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        // A static voter set: the controller's address comes from this file on every start, so changing the
        // controller port later needs no re-format (a dynamic quorum would remember the old endpoint).
        config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        config.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", partitions.toString().replace('\\', '/'));
        config.put("num.partitions", "3");
        // One broker cannot hold more than one replica of the internal topics.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Consumers join at once instead of waiting 3 s for others that will never come.
        config.put("group.initial.rebalance.delay.ms", "0");
        return config;
    }
}
