package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Double opt-in for email and the public unsubscribe pages, RFC 8058 one-click included. */
class OptInIntegrationTests extends IntegrationTestSupport {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void keepsAnEmailSubscriptionPendingUntilItsConfirmationLinkIsOpened() throws Exception {
        var created = subscribe(Map.of("channel", "email", "target", "optin@example.org",
                "categories", List.of("NEUTRALITY"), "mode", "instant"));
        var id = created.path("id").asString();
        assertThat(created.path("status").asString()).isEqualTo("pending");
        assertThat(created.has("secret")).isFalse();

        var token = confirmationToken("optin@example.org");
        assertThat(mailTo("optin@example.org").getFirst().getSubject())
                .isEqualTo("[Wirewatch] Please confirm your subscription");
        assertThat(getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("pending");

        var page = browse("/confirm?token=" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Subscription confirmed", "optin@example.org");
        assertThat(getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("active");
    }

    @Test
    void answersAnUnknownConfirmationTokenWithNotFound() throws Exception {
        var response = browse("/confirm?token=no-such-token");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).path("detail").asString()).contains("confirmation link");
    }

    @Test
    void showsAnUnsubscribeButtonAndDisablesOnlyOnTheOneClickPost() throws Exception {
        var id = subscribe(Map.of("channel", "webhook", "target", "https://hooks.example.org/unsubscribe",
                "categories", List.of("CEASEFIRE"), "mode", "instant")).path("id").asString();
        var token = jdbc.sql("select unsubscribe_token from subscriptions where id = ?::uuid").param(id)
                .query(String.class).single();

        var page = browse("/unsubscribe?token=" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/unsubscribe?token=" + token + "\">",
                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">");
        assertThat(getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("active");

        var oneClick = postForm("/unsubscribe?token=" + token, "List-Unsubscribe=One-Click");

        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("Unsubscribed");
        assertThat(getJson("/api/subscriptions/" + id).path("status").asString()).isEqualTo("disabled");
    }

    @Test
    void answersAnUnknownUnsubscribeTokenWithNotFound() throws Exception {
        assertThat(postForm("/unsubscribe?token=no-such-token", "List-Unsubscribe=One-Click").statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/unsubscribe?token=no-such-token", null, null).statusCode()).isEqualTo(404);
    }
}
