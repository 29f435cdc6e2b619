package wirewatch.notify.webhook;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import wirewatch.notify.delivery.Digest;

/**
 * The body of a digest webhook: {@code {"type": "digest.created", "timestamp": <period end>, "data": {"id",
 * "subscriptionId", "periodStart", "periodEnd", "alertCount", "sections": [{"category", "clusters": [{"clusterId",
 * "alerts": [<alert>, …]}]}]}}}, each alert as in {@code alert.created}.
 */
final class DigestEvent {

    static final String TYPE = "digest.created";

    private DigestEvent() {
    }

    /** The same bytes on every attempt: nothing in it depends on when it is sent. */
    static String body(JsonMapper json, Digest digest) {
        ObjectNode data = json.valueToTree(digest);
        data.put("alertCount", digest.alertCount());
        var event = json.createObjectNode();
        event.put("type", TYPE);
        event.put("timestamp", digest.periodEnd().toString());
        event.set("data", data);
        return json.writeValueAsString(event);
    }
}
