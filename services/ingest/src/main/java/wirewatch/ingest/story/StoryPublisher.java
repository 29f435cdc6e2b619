package wirewatch.ingest.story;

import wirewatch.events.Story;

/** Where published stories go. */
interface StoryPublisher {

    /** Returns once the story is durably accepted, or throws {@link PublishFailedException}. */
    void publish(Story story);
}
