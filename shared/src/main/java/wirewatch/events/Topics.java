package wirewatch.events;

/** Kafka topic names. The {@code v1} suffix is part of the contract: an incompatible change gets a new topic. */
public final class Topics {

    /** Normalised, de-duplicated stories, keyed by story id. Written by ingest or any outside producer. */
    public static final String STORIES = "news.stories.v1";

    /** Classified stories that matched at least one rule, keyed by story id. Written by classify. */
    public static final String ALERTS = "news.alerts.v1";

    /** Story records classify could not read or process, kept for inspection and replay. */
    public static final String STORIES_DEAD_LETTER = "classify.stories.dlt";

    /** Alert records notify could not read or process, kept for inspection and replay. */
    public static final String ALERTS_DEAD_LETTER = "notify.alerts.dlt";

    private Topics() {
    }
}
