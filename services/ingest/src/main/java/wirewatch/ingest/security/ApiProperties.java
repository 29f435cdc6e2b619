package wirewatch.ingest.security;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param key the bearer key every {@code /api/**} call must present */
@ConfigurationProperties("wirewatch.api")
@Validated
public record ApiProperties(
        @NotBlank(message = "is blank: set WIREWATCH_API_KEY (or wirewatch.api.key) to the key API clients must "
                + "send as 'Authorization: Bearer <key>'")
        String key) {

    @Override
    public String toString() {
        return "ApiProperties[key=<hidden>]";
    }
}
