package wirewatch.notify.webhook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    HostResolver hostResolver() {
        return HostResolver.SYSTEM;
    }
}
