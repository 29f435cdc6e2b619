package wirewatch.classify.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param partitions partitions of the topics classify creates when they do not exist yet */
@ConfigurationProperties("wirewatch.topics")
record TopicsProperties(int partitions) {
}
