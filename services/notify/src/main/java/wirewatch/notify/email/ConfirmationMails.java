package wirewatch.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import wirewatch.notify.NotifyProperties;
import wirewatch.notify.subscription.ConfirmationMailer;
import wirewatch.notify.subscription.ConfirmationNotSentException;
import wirewatch.notify.subscription.Subscription;

/** The double opt-in mail: a link to {@code /confirm?token=...}. */
@Component
class ConfirmationMails implements ConfirmationMailer {

    private final JavaMailSender mail;
    private final MailTemplates templates;
    private final EmailProperties email;
    private final NotifyProperties notify;

    ConfirmationMails(JavaMailSender mail, MailTemplates templates, EmailProperties email, NotifyProperties notify) {
        this.mail = mail;
        this.templates = templates;
        this.email = email;
        this.notify = notify;
    }

    @Override
    public void sendConfirmation(Subscription subscription) {
        var link = notify.link("/confirm?token="
                + URLEncoder.encode(subscription.confirmationToken(), StandardCharsets.UTF_8));
        var rendered = templates.render("confirm", Map.of("confirmUrl", link,
                "categories", String.join(", ", subscription.categories())));
        try {
            var message = mail.createMimeMessage();
            message.setFrom(email.fromAddress());
            message.setRecipients(MimeMessage.RecipientType.TO, subscription.target());
            message.setSubject("[Wirewatch] Please confirm your subscription", "UTF-8");
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setContent(AlertMail.alternative(rendered));
            mail.send(message);
        } catch (MessagingException | MailException e) {
            throw new ConfirmationNotSentException("the confirmation mail to " + subscription.target()
                    + " could not be sent: " + e.getMessage(), e);
        }
    }
}
