package wirewatch.notify.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param key the bearer token every {@code /api/**} call must present */
@ConfigurationProperties("wirewatch.api")
record ApiProperties(String key) {

    ApiProperties {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("wirewatch.api.key is blank: set the WIREWATCH_API_KEY environment "
                    + "variable (or the wirewatch.api.key property) to the bearer key clients must send to /api/**");
        }
    }
}
