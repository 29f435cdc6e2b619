/**
 * The email channel: alert mails (multipart text and HTML from Thymeleaf templates under {@code mail/}, with
 * RFC 8058 one-click unsubscribe headers) and the double opt-in confirmation mail, both through Spring's
 * {@code JavaMailSender}.
 */
package wirewatch.notify.email;
