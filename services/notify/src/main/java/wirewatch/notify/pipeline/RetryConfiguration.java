package wirewatch.notify.pipeline;

import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedRuntimeException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerPartitionPausingBackOffManager;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaConsumerBackoffManager;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.ListenerContainerRegistry;
import org.springframework.kafka.listener.SeekUtils;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.FixedBackOff;
import wirewatch.notify.delivery.RetryProperties;

/**
 * Non-blocking retries on notify's own topics. Why not {@code @RetryableTopic}: it retries the record that
 * failed (here an alert fanned out to many subscriptions, not one delivery) and fixes each topic's delay up
 * front, so a receiver's {@code Retry-After} and per-delivery jitter have no place in it. Instead a failed
 * delivery publishes a {@link wirewatch.notify.delivery.DeliveryRetry} carrying its own not-before time to the
 * retry tier matching its wait ({@code notify.deliveries.retry.<delay>}, one per configured delay), and the
 * {@code notify-retry} listener uses Spring Kafka's partition-pausing back-off (the machinery under
 * {@code @RetryableTopic}): a record not yet due pauses its own partition until it is, then is read again.
 * Records in one tier wait about as long as each other, so a record waits behind an earlier one in its partition
 * by at most the tier's jitter; other partitions, other tiers and the alerts listener never wait at all.
 */
@Configuration(proxyBeanMethods = false)
class RetryConfiguration {

    static final String FACTORY = "retryListenerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(RetryConfiguration.class);

    @Bean
    KafkaAdmin.NewTopics deliveryTopics(RetryProperties retry, PipelineProperties pipeline) {
        return new KafkaAdmin.NewTopics(Stream.concat(DeliveryTopics.waitingTopics(retry.delays()).stream(),
                        Stream.of(DeliveryTopics.DEAD_LETTER))
                .map(name -> TopicBuilder.name(name).partitions(pipeline.partitions()).build())
                .toArray(NewTopic[]::new));
    }

    /**
     * Like the default factory, but a retry record whose processing fails (the database, not the receiver: that
     * is recorded on the delivery) is retried briefly and then parked in {@code notify.deliveries.dlt} with the
     * exception headers; a record that is merely not due yet is left where it is.
     */
    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> retryListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaTemplate<Object, Object> template, RetryProperties retry, PipelineProperties pipeline) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(DeliveryTopics.DEAD_LETTER, -1));
        factory.setCommonErrorHandler(new DefaultErrorHandler((record, exception) -> {
            if (SeekUtils.isBackoffException(exception)) {
                throw (NestedRuntimeException) exception; // not due yet: keep the record, its partition is paused
            }
            log.error("Retry record {}-{}@{} goes to {}", record.topic(), record.partition(), record.offset(),
                    DeliveryTopics.DEAD_LETTER, exception);
            deadLetters.accept(record, exception);
        }, new FixedBackOff(pipeline.retryBackoff().toMillis(), pipeline.retries())));
        factory.setConcurrency(retry.concurrency());
        return factory;
    }

    @Bean
    KafkaConsumerBackoffManager retryBackOffManager(ListenerContainerRegistry registry,
                                                    ThreadPoolTaskScheduler retryResumeScheduler) {
        return new ContainerPartitionPausingBackOffManager(registry,
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(registry, retryResumeScheduler)));
    }

    /** Resumes paused retry partitions when their head record is due. */
    @Bean
    ThreadPoolTaskScheduler retryResumeScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notify-retry-resume-");
        return scheduler;
    }
}
