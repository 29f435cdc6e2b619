package wirewatch.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.NotifyProperties;
import wirewatch.notify.routing.Relevance;
import wirewatch.notify.subscription.Subscription;

/** Writes one alert into a mail for one subscription: only the categories that subscription asked for. */
@Component
class AlertMail {

    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MailTemplates templates;
    private final EmailProperties email;
    private final NotifyProperties notify;

    AlertMail(MailTemplates templates, EmailProperties email, NotifyProperties notify) {
        this.templates = templates;
        this.email = email;
        this.notify = notify;
    }

    void compose(MimeMessage message, UUID deliveryId, Subscription subscription, Alert alert)
            throws MessagingException {
        var categories = Relevance.categories(alert, subscription);
        var unsubscribe = notify.link("/unsubscribe?token="
                + URLEncoder.encode(subscription.unsubscribeToken(), StandardCharsets.UTF_8));
        var story = alert.story();
        var model = new LinkedHashMap<String, Object>();
        model.put("title", title(alert));
        model.put("url", story == null ? null : webLink(story.url()));
        model.put("source", story == null ? null : story.source());
        model.put("publishedAt", story == null || story.publishedAt() == null ? null
                : PUBLISHED.format(story.publishedAt()));
        model.put("categories", CategoryView.of(Relevance.matches(alert, subscription)));
        model.put("unsubscribeUrl", unsubscribe);
        var rendered = templates.render("alert", model);

        message.setFrom(email.fromAddress());
        message.setRecipients(MimeMessage.RecipientType.TO, subscription.target());
        message.setSubject("[Wirewatch] " + String.join(", ", categories) + ": " + title(alert), "UTF-8");
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Auto-Submitted", "auto-generated");
        // The same on every attempt, so a mail client shows a mail sent twice only once.
        message.setHeader("Message-ID", "<" + deliveryId + "@" + email.domain() + ">");
        message.setContent(alternative(rendered));
    }

    static MimeMultipart alternative(MailTemplates.Rendered rendered) throws MessagingException {
        var text = new MimeBodyPart();
        text.setText(rendered.text(), "UTF-8", "plain");
        var html = new MimeBodyPart();
        html.setText(rendered.html(), "UTF-8", "html");
        // Clients show the last part they understand, so the richer one goes last (RFC 2046, 5.1.4).
        return new MimeMultipart("alternative", text, html);
    }

    // A title could carry line breaks from an outside producer; a subject must stay on one line.
    static String title(Alert alert) {
        var title = alert.story() == null || alert.story().title() == null ? alert.storyId() : alert.story().title();
        return title.replaceAll("\\s+", " ").strip();
    }

    // Only web links become links: a javascript: or data: URL from a producer must not be clickable.
    static String webLink(String url) {
        if (url == null) {
            return null;
        }
        var lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url : null;
    }

    /**
     * One section per category, however many rules of it matched: a reader wants to know that the story reports
     * sanctions relief and why, not which rules fired. The strongest match gives stance and confidence; the evidence
     * of all of them is merged, each sentence once, in the order the rules cited them.
     */
    record CategoryView(String category, String stance, String confidence, List<String> evidence) {

        static List<CategoryView> of(List<Alert.Match> matches) {
            var byCategory = matches.stream().collect(
                    Collectors.groupingBy(Alert.Match::category, LinkedHashMap::new, Collectors.toList()));
            return byCategory.entrySet().stream().map(entry -> {
                var strongest = entry.getValue().stream()
                        .max(Comparator.comparingDouble(Alert.Match::confidence)).orElseThrow();
                var evidence = entry.getValue().stream().flatMap(match -> match.evidence().stream())
                        .distinct().toList();
                return new CategoryView(entry.getKey(),
                        strongest.stance() == null ? "REPORTED" : strongest.stance().name(),
                        String.format(Locale.ROOT, "%.2f", strongest.confidence()), evidence);
            }).toList();
        }
    }
}
