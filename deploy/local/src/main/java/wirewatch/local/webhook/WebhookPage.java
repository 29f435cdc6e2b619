package wirewatch.local.webhook;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import wirewatch.local.web.Html;

/** The page of received webhooks: id, time, signature check, headers and the body as indented JSON. */
final class WebhookPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private WebhookPage() {
    }

    static String render(String endpoint, List<ReceivedWebhook> newestFirst) {
        String title = endpoint.isEmpty() ? "Webhooks" : "Webhooks to /webhooks/" + endpoint;
        if (newestFirst.isEmpty()) {
            return Html.page(title, "<p class=\"muted\">Nothing received yet. Reload after posting a story.</p>");
        }
        StringBuilder body = new StringBuilder("<p class=\"muted\">" + newestFirst.size()
                + " request(s), newest first.</p>");
        for (ReceivedWebhook webhook : newestFirst) {
            body.append("<h2>").append(Html.escape(webhook.webhookId().orElse("(no webhook-id)"))).append("</h2>")
                    .append("<table>")
                    .append(row("Endpoint", "/webhooks/" + webhook.endpoint()))
                    .append(row("Received", TIME.format(webhook.receivedAt())))
                    .append(row("webhook-timestamp", sentAt(webhook)))
                    .append("<tr><th>Signature</th><td>").append(signature(webhook.signature())).append("</td></tr>")
                    .append("</table>")
                    .append("<pre>").append(Html.escape(pretty(webhook.bodyText()))).append("</pre>")
                    .append("<details><summary>Headers</summary><table>");
            for (Map.Entry<String, List<String>> header : webhook.headers().entrySet()) {
                body.append(row(header.getKey(), String.join(", ", header.getValue())));
            }
            body.append("</table></details>");
        }
        return Html.page(title, body.toString());
    }

    private static String sentAt(ReceivedWebhook webhook) {
        String raw = webhook.header("webhook-timestamp").orElse("");
        try {
            return raw + " (" + TIME.format(Instant.ofEpochSecond(Long.parseLong(raw))) + ")";
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static String signature(ReceivedWebhook.Signature signature) {
        return switch (signature) {
            case VALID -> "<span class=\"ok\">✓ valid</span>";
            case INVALID -> "<span class=\"bad\">✗ invalid</span>";
            case NO_SECRET -> "<span class=\"muted\">not checked: no secret registered for this endpoint</span>";
        };
    }

    private static String pretty(String body) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private static String row(String name, String value) {
        return "<tr><th>" + Html.escape(name) + "</th><td>" + Html.escape(value) + "</td></tr>";
    }
}
