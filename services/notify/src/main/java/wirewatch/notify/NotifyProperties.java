package wirewatch.notify;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where people reach this service from a mail client; confirmation and unsubscribe links
 *                  start with it
 */
@ConfigurationProperties("wirewatch.notify")
public record NotifyProperties(URI publicUrl) {

    public NotifyProperties {
        if (publicUrl == null || !publicUrl.isAbsolute()) {
            throw new IllegalArgumentException("wirewatch.notify.public-url must be an absolute URL such as "
                    + "https://notify.example.org, was " + publicUrl);
        }
    }

    /** {@code publicUrl} joined with an absolute path and query, without doubling the slash. */
    public String link(String pathAndQuery) {
        var base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
