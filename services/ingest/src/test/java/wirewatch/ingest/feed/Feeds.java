package wirewatch.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** RSS 2.0 documents for tests. */
public final class Feeds {

    private Feeds() {
    }

    /** An item: guid, link and title; the description says the title again. */
    public record Item(String guid, String link, String title) {
    }

    public static byte[] rss(Item... items) {
        var entries = Arrays.stream(items).map(item -> """
                <item><guid isPermaLink="false">%s</guid><link>%s</link><title>%s</title>
                <description>&lt;p&gt;%s, reported in full.&lt;/p&gt;</description>
                <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>
                """.formatted(item.guid(), item.link(), item.title(), item.title())).collect(Collectors.joining());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test wire</title><link>https://wire.example.org/</link>
                %s</channel></rss>
                """.formatted(entries).getBytes(StandardCharsets.UTF_8);
    }
}
