package wirewatch.ingest.feed.registry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import wirewatch.events.Topics;
import wirewatch.ingest.feed.FeedsProperties;

@Configuration(proxyBeanMethods = false)
class FeedTopicConfiguration {

    /** Compacted: the topic keeps each feed's latest record for as long as the feed exists. */
    @Bean
    NewTopic feedsTopic(FeedsProperties properties) {
        return TopicBuilder.name(Topics.FEEDS)
                .partitions(properties.partitions())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }
}
