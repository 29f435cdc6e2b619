package wirewatch.notify.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery package's periodic housekeeping, each job on its own thread. */
@Configuration(proxyBeanMethods = false)
class DeliveryScheduling {

    @Bean
    PeriodicTask abandonedDeliveryRecoveryTask(AbandonedDeliveries abandoned, DeliveryProperties properties) {
        return new PeriodicTask("notify-delivery-recovery", properties.recoveryInterval(),
                abandoned::recoverAndReport);
    }

    @Bean
    PeriodicTask retentionTask(Retention retention, RetentionProperties properties) {
        return new PeriodicTask("notify-retention", properties.interval(), retention::run);
    }
}
