package wirewatch.ingest.feed.fetch;

/** Fetches feed documents. Implementations are thread-safe and bound every fetch in time and size. */
public interface FeedFetcher {

    FetchResult fetch(FetchRequest request);
}
