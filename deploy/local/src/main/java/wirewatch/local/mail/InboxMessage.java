package wirewatch.local.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One received mail, decoded for reading: the first {@code text/plain} and {@code text/html} parts, and every header
 * in order (a name may repeat).
 *
 * @param id         stable while the launcher runs; used in the page's links
 * @param mailbox    the recipient whose mailbox holds this copy
 */
public record InboxMessage(String id, String mailbox, Instant receivedAt, String from, List<String> to,
                           String subject, String text, String html, List<Header> headers) {

    public record Header(String name, String value) {
    }

    /** The first value of a header, compared without regard to case. */
    public Optional<String> header(String name) {
        return headers.stream().filter(header -> header.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }
}
