package wirewatch.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import wirewatch.events.Alert;
import wirewatch.notify.delivery.AlertSender;
import wirewatch.notify.delivery.Digest;
import wirewatch.notify.delivery.SendOutcome;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.Subscription;

/**
 * Mails an alert; handing it to the mail server counts as delivered. A transient refusal (4xx, a lost
 * connection) is retried, a permanent one (5xx for every recipient) is not.
 */
@Component
class EmailSender implements AlertSender {

    private interface Composer {
        void compose(MimeMessage message) throws MessagingException;
    }

    private final JavaMailSender mail;
    private final AlertMail alertMail;
    private final DigestMail digestMail;

    EmailSender(JavaMailSender mail, AlertMail alertMail, DigestMail digestMail) {
        this.mail = mail;
        this.alertMail = alertMail;
        this.digestMail = digestMail;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendOutcome send(UUID deliveryId, Subscription subscription, Alert alert) {
        return transmit(message -> alertMail.compose(message, deliveryId, subscription, alert));
    }

    @Override
    public SendOutcome sendDigest(UUID deliveryId, Subscription subscription, Digest digest) {
        return transmit(message -> digestMail.compose(message, deliveryId, subscription, digest));
    }

    private SendOutcome transmit(Composer composer) {
        try {
            var message = mail.createMimeMessage();
            composer.compose(message);
            mail.send(message);
            return SendOutcome.delivered();
        } catch (MailSendException e) {
            var reason = "the mail server did not take the mail: " + e.getMessage();
            return permanent(e) ? SendOutcome.refused(reason) : SendOutcome.failed(reason);
        } catch (MessagingException | MailException e) {
            // Composing failed, or the server cannot be reached or logged into: the next attempt may fare better.
            return SendOutcome.failed("the mail could not be sent: " + e.getMessage());
        }
    }

    /** An SMTP 5xx reply (unknown mailbox, policy) is permanent; 4xx replies and broken connections are not. */
    private static boolean permanent(MailSendException e) {
        return e.getMessageExceptions().length > 0 && Arrays.stream(e.getMessageExceptions())
                .allMatch(failure -> smtpReplyCode(failure) / 100 == 5);
    }

    // Jakarta Mail chains SendFailedExceptions through getCause(), which answers MessagingException's "next".
    private static int smtpReplyCode(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case SMTPSendFailedException sendFailed -> {
                    return sendFailed.getReturnCode();
                }
                case SMTPAddressFailedException addressFailed -> {
                    return addressFailed.getReturnCode();
                }
                case SMTPSenderFailedException senderFailed -> {
                    return senderFailed.getReturnCode();
                }
                default -> {
                }
            }
        }
        return 0;
    }
}
