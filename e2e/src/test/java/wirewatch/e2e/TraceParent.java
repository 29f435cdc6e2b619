package wirewatch.e2e;

import java.util.regex.Pattern;

/** A W3C {@code traceparent} header: {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}. */
record TraceParent(String traceId, String parentId) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");

    static TraceParent parse(String header) {
        var matcher = FORMAT.matcher(header == null ? "" : header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a W3C traceparent: " + header);
        }
        return new TraceParent(matcher.group(1), matcher.group(2));
    }
}
