package wirewatch.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.NotifyProperties;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.routing.Relevance;
import wirewatch.notify.subscription.Subscription;

/**
 * Writes a digest into one mail: a section per category, in it one entry per story cluster, led by its first
 * alert (stance, confidence, evidence) with the cluster's other reports listed under it. Times are on the
 * subscriber's clock, the digest schedule's time zone (UTC for the overflow of an instant subscription).
 */
@Component
class DigestMail {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter PUBLISHED =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MailTemplates templates;
    private final EmailProperties email;
    private final NotifyProperties notify;

    DigestMail(MailTemplates templates, EmailProperties email, NotifyProperties notify) {
        this.templates = templates;
        this.email = email;
        this.notify = notify;
    }

    void compose(MimeMessage message, UUID deliveryId, Subscription subscription, Digest digest)
            throws MessagingException {
        var zone = subscription.digest() == null ? ZoneId.of("UTC") : subscription.digest().timeZone();
        var unsubscribe = notify.link("/unsubscribe?token="
                + URLEncoder.encode(subscription.unsubscribeToken(), StandardCharsets.UTF_8));
        var categories = digest.sections().stream().map(Digest.Section::category).toList();
        var model = new LinkedHashMap<String, Object>();
        model.put("from", WHEN.format(digest.periodStart().atZone(zone)));
        model.put("until", WHEN.format(digest.periodEnd().atZone(zone)));
        model.put("timeZone", zone.getId());
        model.put("alertCount", digest.alertCount());
        model.put("sections", digest.sections().stream()
                .map(section -> new SectionView(section.category(), section.clusters().stream()
                        .map(cluster -> ClusterView.of(cluster, section.category(), subscription)).toList()))
                .toList());
        model.put("unsubscribeUrl", unsubscribe);
        var rendered = templates.render("digest", model);

        message.setFrom(email.fromAddress());
        message.setRecipients(MimeMessage.RecipientType.TO, subscription.target());
        var count = digest.alertCount();
        message.setSubject("[Wirewatch] Digest: " + count + (count == 1 ? " alert" : " alerts") + " on "
                + String.join(", ", categories), "UTF-8");
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Auto-Submitted", "auto-generated");
        // The digest's delivery id: the same on every attempt, so a mail sent twice shows once.
        message.setHeader("Message-ID", "<" + deliveryId + "@" + email.domain() + ">");
        message.setContent(AlertMail.alternative(rendered));
    }

    record SectionView(String category, List<ClusterView> clusters) {
    }

    /** A story cluster: its lead report in full, the other reports by title and source. */
    record ClusterView(Story lead, String stance, String confidence, List<String> evidence, List<Story> copies) {

        static ClusterView of(Digest.Cluster cluster, String category, Subscription subscription) {
            var lead = cluster.alerts().getFirst();
            var matches = Relevance.matches(lead, subscription).stream()
                    .filter(match -> match.category().equals(category)).toList();
            var view = AlertMail.CategoryView.of(matches).getFirst();
            return new ClusterView(Story.of(lead), view.stance(), view.confidence(), view.evidence(),
                    cluster.alerts().stream().skip(1).map(Story::of).toList());
        }
    }

    /** @param url {@code null} unless it is a web link */
    record Story(String title, String url, String source, String publishedAt) {

        static Story of(Alert alert) {
            var story = alert.story();
            return new Story(AlertMail.title(alert), story == null ? null : AlertMail.webLink(story.url()),
                    story == null ? null : story.source(),
                    story == null || story.publishedAt() == null ? null : PUBLISHED.format(story.publishedAt()));
        }
    }
}
