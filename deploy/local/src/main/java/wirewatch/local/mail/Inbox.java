package wirewatch.local.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Everything GreenMail received, newest first, across all mailboxes. */
public final class Inbox {

    private final GreenMail greenMail;

    public Inbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public List<InboxMessage> messages() {
        List<InboxMessage> messages = new ArrayList<>();
        try {
            for (MailFolder folder : greenMail.getManagers().getImapHostManager().getStore().listMailboxes("*")) {
                for (StoredMessage stored : folder.getMessages()) {
                    messages.add(read(folder, stored));
                }
            }
        } catch (FolderException e) {
            throw new IllegalStateException("Could not list GreenMail's mailboxes", e);
        }
        messages.sort(Comparator.comparing(InboxMessage::receivedAt).reversed());
        return messages;
    }

    /** The messages delivered to one address, newest first. */
    public List<InboxMessage> messagesTo(String address) {
        return messages().stream()
                .filter(message -> message.to().stream().anyMatch(to -> to.toLowerCase().contains(address.toLowerCase())))
                .toList();
    }

    public Optional<InboxMessage> message(String id) {
        return messages().stream().filter(message -> message.id().equals(id)).findFirst();
    }

    private static InboxMessage read(MailFolder folder, StoredMessage stored) {
        MimeMessage mime = stored.getMimeMessage();
        // Unique per GreenMail run: a mailbox never reuses a uid.
        String id = Integer.toUnsignedString(folder.getFullName().hashCode(), 36) + "-" + stored.getUid();
        Instant receivedAt = stored.getReceivedDate() == null ? Instant.EPOCH : stored.getReceivedDate().toInstant();
        try {
            Parts parts = new Parts();
            parts.collect(mime);
            return new InboxMessage(id, folder.getFullName(), receivedAt, String.join(", ", addresses(mime.getFrom())),
                    addresses(mime.getRecipients(Message.RecipientType.TO)),
                    mime.getSubject(), parts.text, parts.html, headers(mime));
        } catch (MessagingException | IOException e) {
            // One unreadable mail must not hide the others.
            return new InboxMessage(id, folder.getFullName(), receivedAt, "", List.of(), "(unreadable: " + e + ")",
                    null, null, List.of());
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }

    private static List<InboxMessage.Header> headers(MimeMessage mime) throws MessagingException {
        List<InboxMessage.Header> headers = new ArrayList<>();
        for (jakarta.mail.Header header : Collections.list(mime.getAllHeaders())) {
            headers.add(new InboxMessage.Header(header.getName(), header.getValue()));
        }
        return headers;
    }

    /** Walks multipart/alternative and multipart/mixed trees and keeps the first text and HTML bodies. */
    private static final class Parts {

        private String text;
        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                        collect(child);
                    }
                }
            } else if (part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            }
        }
    }
}
