package wirewatch.notify.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from the sender of every mail, e.g. {@code Wirewatch <alerts@wirewatch.local>} */
@ConfigurationProperties("wirewatch.notify.email")
record EmailProperties(String from) {

    EmailProperties {
        try {
            new InternetAddress(from, true);
        } catch (AddressException | NullPointerException e) {
            throw new IllegalArgumentException("wirewatch.notify.email.from must be an address such as "
                    + "'Wirewatch <alerts@example.org>', was " + from, e);
        }
    }

    InternetAddress fromAddress() {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("checked when the properties were bound", e);
        }
    }

    /** The domain of the from address, which makes our Message-IDs globally unique. */
    String domain() {
        var address = fromAddress().getAddress();
        return address.substring(address.indexOf('@') + 1);
    }
}
