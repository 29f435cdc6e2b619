package wirewatch.ingest.story;

import java.time.Clock;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
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

    /**
     * The topic accepts records as large as the producer sends (see {@link StoriesProperties#maxRecordBytes})
     * instead of the broker's 1 MiB default.
     */
    @Bean
    NewTopic storiesTopic(StoriesProperties properties) {
        return TopicBuilder.name(Topics.STORIES)
                .partitions(properties.partitions())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(properties.maxRecordBytes()))
                .build();
    }

    /**
     * Derives two producer settings from the story settings so they cannot drift apart: {@code send()}
     * blocks for up to {@code max.block.ms} when the broker cannot be reached, which the publish timeout
     * bounds; and the largest record must fit a story from the largest accepted request.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer storyProducerLimits(StoriesProperties properties) {
        return factory -> factory.updateConfigs(Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, properties.publishTimeout().toMillis(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Math.toIntExact(properties.maxRecordBytes())));
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
