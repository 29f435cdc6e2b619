package wirewatch.classify.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A story that fails however often it is tried: its record could not be read as a story, or classifying it threw
 * (classification is deterministic for a rule set). The error handler dead-letters it without retrying.
 */
class UnclassifiableStoryException extends RuntimeException {

    UnclassifiableStoryException(ConsumerRecord<?, ?> record, Exception cause) {
        super("Cannot classify the story at " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                cause);
    }
}
