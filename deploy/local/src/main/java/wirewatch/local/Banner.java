package wirewatch.local;

import java.nio.file.Path;
import java.time.Duration;

import wirewatch.local.demo.DemoSubscriptions;
import wirewatch.local.postgres.LocalPostgres;

/** The block printed once everything is up: every address a person needs, the key, and a first curl to try. */
record Banner(LocalRunSettings settings, String webUrl, String kafka, LocalPostgres postgres, int smtpPort,
              int imapPort, DemoOutcome demo, Path seedStory, String prometheusUrl) {

    /** The demo subscriptions, or why there are none. */
    record DemoOutcome(DemoSubscriptions.Demo subscriptions, String problem) {
    }

    String render(Duration startup) {
        StringBuilder text = new StringBuilder("\n");
        text.append("==================== Wirewatch is up in %.1f s ====================%n"
                .formatted(startup.toMillis() / 1000.0));
        for (String service : new String[] {"ingest", "classify", "notify"}) {
            String url = "http://localhost:" + settings.servicePort(service);
            text.append("  %-9s %-24s swagger %s/swagger-ui.html  metrics %s/actuator/prometheus%n"
                    .formatted(service, url, url, url));
        }
        text.append("  Kafka     ").append(kafka).append('\n');
        text.append("  Postgres  ").append(postgres.jdbcUrl("ingest")).append("  ").append(postgres.jdbcUrl("notify"))
                .append("  (user/password ").append(LocalRun.DB_USER).append('/').append(LocalRun.DB_USER)
                .append(")\n");
        text.append("  SMTP      localhost:").append(smtpPort).append("   IMAP localhost:").append(imapPort)
                .append(" (any user name and password)\n");
        text.append("  Inbox     ").append(webUrl).append("/\n");
        text.append("  Webhooks  ").append(webUrl).append("/webhooks/").append(LocalRun.DEMO_WEBHOOK_ENDPOINT);
        if (demo.subscriptions() != null) {
            text.append("  (subscription ").append(demo.subscriptions().webhookSubscriptionId()).append(")\n");
            text.append("  Email     ").append(LocalRun.DEMO_EMAIL).append("  (subscription ")
                    .append(demo.subscriptions().emailSubscriptionId()).append(", confirmed)\n");
        } else {
            text.append("\n  Demo subscriptions NOT set up: ").append(demo.problem()).append('\n');
        }
        if (prometheusUrl != null) {
            text.append("  Prometheus ").append(prometheusUrl).append("/alerts  (scraping the three services)\n");
        }
        text.append("  Logs      ").append(settings.logs()).append('\n');
        text.append("  API key   ").append(settings.apiKey())
                .append(settings.apiKeyGenerated() ? "  (new each run; set WIREWATCH_API_KEY to keep one)" : "")
                .append('\n');
        text.append("\nPost the seed story, then watch the inbox and the webhook page:\n");
        text.append("  curl -sS -X POST http://localhost:").append(settings.servicePort("ingest"))
                .append("/api/stories -H 'Authorization: Bearer ").append(settings.apiKey())
                .append("' -H 'Content-Type: application/json' --data @").append(seedStory).append('\n');
        text.append("\nCtrl-C stops everything; data stays in ").append(settings.data()).append('\n');
        text.append("=".repeat(70)).append('\n');
        return text.toString();
    }
}
