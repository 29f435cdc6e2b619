package wirewatch.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents attributes every record carries as Kafka headers (binary content mode of the
 * CloudEvents Kafka protocol binding), so a consumer can route and trace a record without parsing it.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String STORY_TYPE = "wirewatch.story.v1";
    public static final String ALERT_TYPE = "wirewatch.alert.v1";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String JSON = "application/json";

    private CloudEvents() {
    }

    /** The headers for one event, in a stable order; {@code source} is a URI-reference naming the producer. */
    public static Map<String, String> headers(String id, String type, String source, Instant time) {
        var headers = new LinkedHashMap<String, String>();
        headers.put(HEADER_SPEC_VERSION, SPEC_VERSION);
        headers.put(HEADER_ID, id);
        headers.put(HEADER_TYPE, type);
        headers.put(HEADER_SOURCE, source);
        headers.put(HEADER_TIME, time.toString());
        headers.put(HEADER_CONTENT_TYPE, JSON);
        return headers;
    }
}
