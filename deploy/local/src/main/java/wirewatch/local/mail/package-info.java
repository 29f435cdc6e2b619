/**
 * Mail for the local run: a GreenMail SMTP and IMAP server that accepts mail to anyone, the {@link
 * wirewatch.local.mail.Inbox} view of what it received, and the inbox page a person reads it on.
 */
package wirewatch.local.mail;
