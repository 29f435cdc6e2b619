package wirewatch.local.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wirewatch.local.web.LocalWebServer;

class InboxPageIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalMailServer mail;
    private LocalWebServer web;

    @BeforeEach
    void start() {
        mail = LocalMailServer.start(0, 0);
        web = LocalWebServer.start(0).route("/", new InboxPage(mail.inbox()));
    }

    @AfterEach
    void stop() {
        web.close();
        mail.close();
    }

    @Test
    void listsMailNewestFirstWithEveryValueEscaped() throws Exception {
        send("reader@example.com", "First <b>bold</b> subject", "plain", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.inbox().messages().size() == 1);
        send("other@example.com", "Second & last", "plain", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.inbox().messages().size() == 2);

        String page = get("/");

        assertThat(page).contains("First &lt;b&gt;bold&lt;/b&gt; subject", "Second &amp; last",
                "reader@example.com", "other@example.com").doesNotContain("<b>bold</b>");
        assertThat(page.indexOf("Second &amp; last")).isLessThan(page.indexOf("First &lt;b&gt;"));
    }

    @Test
    void showsTextHtmlAndUnsubscribeHeaderWithoutLettingTheMailsMarkupIn() throws Exception {
        send("reader@example.com", "Alert", "Text part: a < b",
                "<p onclick=\"steal()\">Hello</p><script>alert('mail')</script>");
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.inbox().messages().size() == 1);
        InboxMessage message = mail.inbox().messages().getFirst();

        String page = get("/mail/" + message.id());

        assertThat(page).contains("Text part: a &lt; b")
                .contains("&lt;https://wirewatch.local/unsubscribe?token=t&amp;x=1&gt;")
                .contains("<iframe sandbox=\"\"")
                .contains("&lt;script&gt;alert(&#39;mail&#39;)&lt;/script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("<p onclick");
    }

    @Test
    void answers404ForAnUnknownMessage() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + "/mail/nope"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(web.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void send(String to, String subject, String text, String html) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("wirewatch@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setHeader("List-Unsubscribe", "<https://wirewatch.local/unsubscribe?token=t&x=1>");
        if (html == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart htmlPart = new MimeBodyPart();
            htmlPart.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        }
        Transport.send(message);
    }
}
