package wirewatch.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import wirewatch.local.mail.InboxMessage;

class DemoSubscriptionsTests {

    @Test
    void findsTheConfirmationLinkInTheTextPart() {
        InboxMessage mail = mail("Please confirm: http://localhost:8083/confirm?token=abc-DEF_123\nThanks", null);

        assertThat(DemoSubscriptions.confirmationLink(mail))
                .contains(URI.create("http://localhost:8083/confirm?token=abc-DEF_123"));
    }

    @Test
    void findsTheConfirmationLinkInTheHtmlPartWhenThereIsNoText() {
        InboxMessage mail = mail(null, "<a href=\"http://localhost:8083/confirm?token=t1&amp;lang=en\">Confirm</a>");

        assertThat(DemoSubscriptions.confirmationLink(mail))
                .contains(URI.create("http://localhost:8083/confirm?token=t1&lang=en"));
    }

    @Test
    void findsNothingInAnAlertMail() {
        assertThat(DemoSubscriptions.confirmationLink(mail("Sanctions relief demanded", "<p>alert</p>"))).isEmpty();
    }

    private static InboxMessage mail(String text, String html) {
        return new InboxMessage("1", "demo", Instant.parse("2025-01-01T00:00:00Z"), "notify@wirewatch.local",
                List.of("demo@wirewatch.local"), "Confirm", text, html, List.of());
    }
}
