package wirewatch.ingest.story;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StoryController {

    // How long a client should wait before resending a batch that Kafka failed, in seconds.
    private static final String RETRY_AFTER = "5";

    private final StoryNormaliser normaliser;
    private final StoryIngestion ingestion;
    private final StoryBatch batch;

    StoryController(StoryNormaliser normaliser, StoryIngestion ingestion, StoryBatch batch) {
        this.normaliser = normaliser;
        this.ingestion = ingestion;
        this.batch = batch;
    }

    @Operation(summary = "Publish one story",
            description = "202 with the story id and cluster; duplicate=true when the story was published before.")
    @PostMapping(path = "/api/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryReceipt> publish(@RequestBody StoryRequest request) {
        return ResponseEntity.accepted().body(ingestion.ingest(normaliser.normalise(request), StoryMetrics.API));
    }

    @Operation(summary = "Publish a batch of stories, one JSON story per line (NDJSON)",
            description = "200 with each line's outcome (status 202, 400 or 503 as a single post would answer) and "
                    + "totals; 503 when Kafka failed on a line, after which the rest were not attempted. Lines "
                    + "published before answer duplicate=true, so the whole batch may be sent again.")
    @PostMapping(path = "/api/stories", consumes = StoryBatch.MEDIA_TYPE)
    ResponseEntity<StoryBatch.BatchReceipt> publishBatch(@RequestBody byte[] body) {
        var receipt = batch.ingest(body);
        return receipt.kafkaFailed()
                ? ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                        .body(receipt)
                : ResponseEntity.ok(receipt);
    }
}
