package wirewatch.notify.email;

import jakarta.mail.MessagingException;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertSender;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/** Mails an alert; handing it to the mail server counts as delivered. */
@Component
class EmailSender implements AlertSender {

    private final JavaMailSender mail;
    private final AlertMail alertMail;

    EmailSender(JavaMailSender mail, AlertMail alertMail) {
        this.mail = mail;
        this.alertMail = alertMail;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert) {
        try {
            var message = mail.createMimeMessage();
            alertMail.compose(message, deliveryId, subscription, alert);
            mail.send(message);
            return SendOutcome.delivered();
        } catch (MessagingException | MailException e) {
            return SendOutcome.failed("the mail server did not take the mail: " + e.getMessage());
        }
    }
}
