package wirewatch.ingest.story;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An NDJSON batch of stories: one JSON story per line, each handled exactly as a single
 * {@code POST /api/stories} would be, so sending a batch twice publishes nothing twice. A bad line is
 * reported and the others go on; when Kafka fails, the lines from there on are not attempted, and since
 * every published line answers {@code duplicate: true} when sent again, the client may resend the batch.
 */
@Component
class StoryBatch {

    static final String MEDIA_TYPE = "application/x-ndjson";
    private static final MediaType NDJSON = MediaType.parseMediaType(MEDIA_TYPE);

    private final StoryNormaliser normaliser;
    private final StoryIngestion ingestion;
    private final StoryMetrics metrics;
    private final JsonMapper json;
    private final long maxStoryBytes;

    StoryBatch(StoryNormaliser normaliser, StoryIngestion ingestion, StoryMetrics metrics, JsonMapper json,
            StoriesProperties properties) {
        this.normaliser = normaliser;
        this.ingestion = ingestion;
        this.metrics = metrics;
        this.json = json;
        this.maxStoryBytes = properties.maxRequestSize().toBytes();
    }

    static boolean isBatch(String contentType) {
        try {
            return contentType != null && NDJSON.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    BatchReceipt ingest(byte[] body) {
        var lines = new String(body, StandardCharsets.UTF_8).split("\\R", -1);
        var results = new ArrayList<LineResult>();
        Integer kafkaFailedAt = null;
        for (var index = 0; index < lines.length; index++) {
            var line = lines[index];
            var number = index + 1;
            if (line.isBlank()) {
                continue;
            }
            if (kafkaFailedAt != null) {
                results.add(LineResult.failed(number, "not attempted: Kafka failed at line " + kafkaFailedAt
                        + "; send the batch again"));
                continue;
            }
            try {
                results.add(LineResult.accepted(number, ingest(line, number)));
            } catch (InvalidStoryException e) {
                metrics.rejected(StoryMetrics.API);
                results.add(LineResult.rejected(number, "line " + number + ": " + e.getMessage()));
            } catch (JacksonException e) {
                metrics.rejected(StoryMetrics.API);
                results.add(LineResult.rejected(number, "line " + number + ": "
                        + StoryProblemAdvice.describe(e, "the line")));
            } catch (PublishFailedException e) {
                kafkaFailedAt = number;
                results.add(LineResult.failed(number, "could not publish, nothing was recorded: " + e.getMessage()));
            }
        }
        if (results.isEmpty()) {
            throw new InvalidStoryException(List.of(new InvalidStoryException.Violation("request body",
                    "holds no stories: send one JSON story per line")));
        }
        return BatchReceipt.of(results);
    }

    private StoryReceipt ingest(String line, int number) {
        var bytes = line.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxStoryBytes) {
            throw new InvalidStoryException(List.of(new InvalidStoryException.Violation("story",
                    "is " + bytes + " bytes, the limit for one story is " + maxStoryBytes)));
        }
        return ingestion.ingest(normaliser.normalise(json.readValue(line, StoryRequest.class)), StoryMetrics.API);
    }

    /** What became of each line, and the totals. */
    record BatchReceipt(int published, int duplicates, int rejected, int failed, List<LineResult> results) {

        static BatchReceipt of(List<LineResult> results) {
            return new BatchReceipt(
                    (int) results.stream().filter(r -> r.status() == 202 && !r.duplicate()).count(),
                    (int) results.stream().filter(r -> r.status() == 202 && r.duplicate()).count(),
                    (int) results.stream().filter(r -> r.status() == 400).count(),
                    (int) results.stream().filter(r -> r.status() == 503).count(),
                    List.copyOf(results));
        }

        boolean kafkaFailed() {
            return failed > 0;
        }
    }

    /**
     * One line's outcome; {@code status} is what a single post of the line would have answered: 202 with the
     * receipt, 400 with the problem, or 503 when it is to be sent again.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LineResult(int line, int status, String id, String clusterId, Boolean duplicate, String detail) {

        static LineResult accepted(int line, StoryReceipt receipt) {
            return new LineResult(line, 202, receipt.id(), receipt.clusterId(), receipt.duplicate(), null);
        }

        static LineResult rejected(int line, String detail) {
            return new LineResult(line, 400, null, null, null, detail);
        }

        static LineResult failed(int line, String detail) {
            return new LineResult(line, 503, null, null, null, detail);
        }
    }
}
