package wirewatch.ingest.story;

import wirewatch.events.Story;

/** Where published stories go. */
interface StoryPublisher {

    /**
     * Sends the story without waiting for the broker; {@link Acknowledgement#await} waits.
     *
     * @throws PublishFailedException when the story could not even be sent
     */
    Acknowledgement send(Story story);

    /** A story on its way to the broker. */
    interface Acknowledgement {

        /** Returns once the story is durably accepted, or throws {@link PublishFailedException}. */
        void await();
    }
}
