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

    /** Notify's deliveries that failed their last attempt, keyed by subscription id. */
    public static final String DELIVERIES_DEAD_LETTER = "notify.deliveries.dlt";

    /** Notify's replayed deliveries, due at once, keyed by subscription id. */
    public static final String DELIVERIES_REPLAY = "notify.deliveries.replay";

    /**
     * Prefix of notify's retry tiers, one topic per configured delay ({@code notify.deliveries.retry.30s}, …),
     * keyed by subscription id so one endpoint's retries stay in order.
     */
    public static final String DELIVERIES_RETRY_PREFIX = "notify.deliveries.retry.";

    /**
     * Ingest's feed registry, keyed by feed id, compacted (a deleted feed is a tombstone). Its partitions are
     * how several ingest instances share the polling: an instance polls the feeds of the partitions its
     * consumer group assigns it.
     */
    public static final String FEEDS = "ingest.feeds.v1";

    private Topics() {
    }
}
