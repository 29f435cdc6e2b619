package wirewatch.local.mail;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import wirewatch.local.web.Html;
import wirewatch.local.web.LocalWebServer;

/**
 * {@code GET /} lists the mail, {@code GET /mail/<id>} shows one message: its headers (List-Unsubscribe among them),
 * its text part, and its HTML part rendered in a sandboxed frame that can run no script and reach nothing of this page.
 */
public final class InboxPage implements HttpHandler {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final Inbox inbox;

    public InboxPage(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!"GET".equals(exchange.getRequestMethod())) {
            LocalWebServer.respond(exchange, 405, "text/plain; charset=utf-8", "Only GET here");
        } else if (path.equals("/")) {
            LocalWebServer.respondHtml(exchange, 200, list(inbox.messages()));
        } else if (path.startsWith("/mail/")) {
            Optional<InboxMessage> message = inbox.message(path.substring("/mail/".length()));
            if (message.isPresent()) {
                LocalWebServer.respondHtml(exchange, 200, message(message.get()));
            } else {
                LocalWebServer.respondHtml(exchange, 404, Html.page("No such message",
                        "<p>It may have been received by an earlier run; mail is kept only while the launcher runs.</p>"));
            }
        } else {
            LocalWebServer.respondHtml(exchange, 404, Html.page("Not found", "<p><a href=\"/\">Inbox</a></p>"));
        }
    }

    static String list(List<InboxMessage> messages) {
        if (messages.isEmpty()) {
            return Html.page("Inbox", "<p class=\"muted\">No mail yet. Everything sent to SMTP on this machine lands "
                    + "here; reload to see new mail.</p>");
        }
        StringBuilder rows = new StringBuilder();
        for (InboxMessage message : messages) {
            rows.append("<tr><td>").append(Html.escape(TIME.format(message.receivedAt())))
                    .append("</td><td>").append(Html.escape(String.join(", ", message.to())))
                    .append("</td><td><a href=\"/mail/").append(Html.escape(message.id())).append("\">")
                    .append(Html.escape(message.subject() == null ? "(no subject)" : message.subject()))
                    .append("</a></td></tr>\n");
        }
        return Html.page("Inbox", "<p class=\"muted\">" + messages.size() + " message(s), newest first.</p>"
                + "<table><tr><th>Received</th><th>To</th><th>Subject</th></tr>\n" + rows + "</table>");
    }

    static String message(InboxMessage message) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">← Inbox</a></p><table>")
                .append(row("From", message.from()))
                .append(row("To", String.join(", ", message.to())))
                .append(row("Received", TIME.format(message.receivedAt())))
                .append(row("List-Unsubscribe", message.header("List-Unsubscribe").orElse("(none)")))
                .append("</table>");
        body.append("<h2>Text part</h2>").append(message.text() == null
                ? "<p class=\"muted\">(none)</p>" : "<pre>" + Html.escape(message.text()) + "</pre>");
        body.append("<h2>HTML part</h2>").append(message.html() == null
                ? "<p class=\"muted\">(none)</p>"
                // An empty sandbox: no scripts, no forms, a unique origin. srcdoc holds the escaped markup, which the
                // browser unescapes once into the frame's own document.
                : "<iframe sandbox=\"\" referrerpolicy=\"no-referrer\" srcdoc=\"" + Html.escape(message.html())
                        + "\"></iframe><details><summary>HTML source</summary><pre>" + Html.escape(message.html())
                        + "</pre></details>");
        body.append("<h2>Headers</h2><table>");
        message.headers().forEach(header -> body.append(row(header.name(), header.value())));
        body.append("</table>");
        return Html.page(message.subject() == null ? "(no subject)" : message.subject(), body.toString());
    }

    private static String row(String name, String value) {
        return "<tr><th>" + Html.escape(name) + "</th><td>" + Html.escape(value) + "</td></tr>";
    }
}
