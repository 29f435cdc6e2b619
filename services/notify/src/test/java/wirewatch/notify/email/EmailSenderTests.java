package wirewatch.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import wirewatch.events.Alert;
import wirewatch.events.Stance;
import wirewatch.notify.NotifyProperties;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Mode;
import wirewatch.notify.subscription.Subscription;
import wirewatch.notify.subscription.SubscriptionStatus;

/** The alert mail as it reaches a real SMTP server. */
class EmailSenderTests {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final UUID DELIVERY = UUID.fromString("0b7e3c4a-1f2d-4e5f-8a9b-0c1d2e3f4a5b");

    private EmailSender sender;

    @BeforeEach
    void sender() {
        var mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(MAIL.getSmtp().getPort());
        var templates = new MailTemplates();
        var email = new EmailProperties("Wirewatch <alerts@wirewatch.local>");
        var notify = new NotifyProperties(URI.create("https://notify.example.org/"));
        sender = new EmailSender(mail, new AlertMail(templates, email, notify),
                new DigestMail(templates, email, notify));
    }

    @Test
    void sendsTextAndHtmlWithTheSubscribedCategoriesInTheSubject() throws Exception {
        var outcome = sender.send(DELIVERY, subscription(List.of("SANCTIONS_RELIEF", "TERRITORY"), 0.5),
                alert("Putin sets terms for peace"));

        assertThat(outcome).isEqualTo(SendOutcome.delivered());
        var message = onlyMessage();
        assertThat(message.getSubject()).isEqualTo("[Wirewatch] SANCTIONS_RELIEF, TERRITORY: Putin sets terms for peace");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Wirewatch <alerts@wirewatch.local>");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        var text = part(message, 0);
        assertThat(text).contains("SANCTIONS_RELIEF · DEMANDED · confidence 0.80",
                "  - Putin wants Western sanctions lifted.",
                "TERRITORY · DEMANDED · confidence 0.60",
                "Read the story: https://example.com/story?a=1&b=2",
                "Published: 20 May 2025, 08:00 UTC",
                "Unsubscribe: https://notify.example.org/unsubscribe?token=unsub-token_1");
        // below the subscription's minConfidence of 0.5
        assertThat(text).doesNotContain("NEUTRALITY");
        var html = part(message, 1);
        assertThat(html).contains("<a href=\"https://example.com/story?a=1&amp;b=2\">Read the story</a>",
                "<li>Putin wants Western sanctions lifted.</li>",
                "<a href=\"https://notify.example.org/unsubscribe?token=unsub-token_1\">Unsubscribe</a>");
    }

    @Test
    void showsACategoryOnceWhenSeveralOfItsRulesMatched() throws Exception {
        var twoRules = new Alert("alert-2", "story-2", "cluster-2",
                new Alert.StoryRef("Kremlin terms", "https://example.com/terms", "example.com", null),
                List.of("TERRITORY"),
                List.of(new Alert.Match("territory-1", "TERRITORY", 0.55,
                                List.of("He insists on controlling all four regions."), Stance.DEMANDED),
                        new Alert.Match("territory-2", "TERRITORY", 0.65,
                                List.of("Kyiv rejected any land swap.", "He insists on controlling all four regions."),
                                Stance.REJECTED)),
                "sha256:abc", Instant.parse("2025-05-20T08:01:00Z"));

        sender.send(DELIVERY, subscription(List.of("TERRITORY"), 0), twoRules);

        var text = part(onlyMessage(), 0);
        assertThat(text).containsOnlyOnce("TERRITORY · ")
                .contains("TERRITORY · REJECTED · confidence 0.65")
                .containsOnlyOnce("  - He insists on controlling all four regions.")
                .contains("  - Kyiv rejected any land swap.")
                .doesNotContain("Published:");
    }

    @Test
    void carriesOneClickUnsubscribeHeadersAndAMessageIdFromTheDelivery() throws Exception {
        sender.send(DELIVERY, subscription(List.of("SANCTIONS_RELIEF"), 0), alert("Terms"));

        var message = onlyMessage();
        assertThat(message.getHeader("List-Unsubscribe", null))
                .isEqualTo("<https://notify.example.org/unsubscribe?token=unsub-token_1>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getMessageID()).isEqualTo("<0b7e3c4a-1f2d-4e5f-8a9b-0c1d2e3f4a5b@wirewatch.local>");
    }

    @Test
    void escapesStoryFieldsInTheHtmlPart() throws Exception {
        sender.send(DELIVERY, subscription(List.of("SANCTIONS_RELIEF"), 0),
                alert("<script>alert('x')</script> & more"));

        var message = onlyMessage();
        assertThat(message.getSubject()).isEqualTo("[Wirewatch] SANCTIONS_RELIEF: <script>alert('x')</script> & more");
        var html = part(message, 1);
        assertThat(html).doesNotContain("<script>")
                .contains("<h1 style=\"font-size: 1.3em;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more</h1>");
        assertThat(part(message, 0)).startsWith("<script>alert('x')</script> & more\n");
    }

    @Test
    void answersFailedWhenTheMailServerIsUnreachable() {
        var unreachable = new JavaMailSenderImpl();
        unreachable.setHost("localhost");
        unreachable.setPort(1); // nothing listens on tcpmux
        var templates = new MailTemplates();
        var email = new EmailProperties("alerts@wirewatch.local");
        var notify = new NotifyProperties(URI.create("http://localhost"));
        var failing = new EmailSender(unreachable, new AlertMail(templates, email, notify),
                new DigestMail(templates, email, notify));

        var outcome = failing.send(DELIVERY, subscription(List.of("SANCTIONS_RELIEF"), 0), alert("Terms"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, failed ->
                assertThat(failed.reason()).startsWith("the mail server did not take the mail"));
    }

    private static MimeMessage onlyMessage() {
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        return MAIL.getReceivedMessages()[0];
    }

    private static String part(MimeMessage message, int index) throws Exception {
        var part = ((MimeMultipart) message.getContent()).getBodyPart(index);
        assertThat(part.getContentType()).startsWith(index == 0 ? "text/plain" : "text/html")
                .containsIgnoringCase("charset=UTF-8");
        return ((String) part.getContent()).replace("\r\n", "\n");
    }

    private static Subscription subscription(List<String> categories, double minConfidence) {
        return new Subscription(UUID.randomUUID(), Channel.EMAIL, "reader@example.org", categories, minConfidence,
                List.of(), List.of(), Mode.INSTANT, null, SubscriptionStatus.ACTIVE, null, "unsub-token_1",
                "confirm-token", null, Instant.parse("2025-05-01T00:00:00Z"));
    }

    private static Alert alert(String title) {
        return new Alert("alert-1", "story-1", "cluster-1",
                new Alert.StoryRef(title, "https://example.com/story?a=1&b=2", "example.com",
                        Instant.parse("2025-05-20T08:00:00Z")),
                List.of("NEUTRALITY", "SANCTIONS_RELIEF", "TERRITORY"),
                List.of(new Alert.Match("neutrality-1", "NEUTRALITY", 0.3, List.of("Ukraine would be neutral."),
                                Stance.DEMANDED),
                        new Alert.Match("sanctions-1", "SANCTIONS_RELIEF", 0.8,
                                List.of("Putin wants Western sanctions lifted."), Stance.DEMANDED),
                        new Alert.Match("territory-1", "TERRITORY", 0.6,
                                List.of("He insists on controlling all four regions."), Stance.DEMANDED)),
                "sha256:abc", Instant.parse("2025-05-20T08:01:00Z"));
    }
}
