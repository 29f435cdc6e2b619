package wirewatch.ingest.story;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import wirewatch.events.Topics;

@Configuration(proxyBeanMethods = false)
class StoryConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    NewTopic storiesTopic(StoriesProperties properties) {
        return TopicBuilder.name(Topics.STORIES).partitions(properties.partitions()).build();
    }

    /**
     * {@code send()} blocks for up to {@code max.block.ms} when the broker cannot be reached; tying it to
     * the publish timeout bounds how long a request can hang on Kafka with one setting.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer boundedSendBlocking(StoriesProperties properties) {
        return factory -> factory.updateConfigs(
                Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.publishTimeout().toMillis()));
    }

    /**
     * Jackson would quietly turn {@code "title": 42} or {@code true} into text; a client sending those has
     * a bug it should hear about.
     */
    @Bean
    JsonMapperBuilderCustomizer textMustBeText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
