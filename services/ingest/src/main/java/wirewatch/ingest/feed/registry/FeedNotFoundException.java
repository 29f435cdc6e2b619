package wirewatch.ingest.feed.registry;

class FeedNotFoundException extends RuntimeException {

    FeedNotFoundException(String id) {
        super("no feed with id '" + id + "': GET /api/feeds lists the registered feeds");
    }
}
