package wirewatch.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.json.JsonMapper;

/** What {@code demo.json} remembers between runs; any field may be null until created. */
record DemoState(String webhookSubscriptionId, String webhookSecret, String emailSubscriptionId) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DemoState load(Path file) {
        if (!Files.exists(file)) {
            return new DemoState(null, null, null);
        }
        return JSON.readValue(file.toFile(), DemoState.class);
    }

    void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DemoState withWebhook(String id, String secret) {
        return new DemoState(id, secret, emailSubscriptionId);
    }

    DemoState withEmail(String id) {
        return new DemoState(webhookSubscriptionId, webhookSecret, id);
    }
}
