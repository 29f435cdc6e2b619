package wirewatch.ingest.story;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StoryController {

    private final StoryNormaliser normaliser;
    private final StoryIngestion ingestion;

    StoryController(StoryNormaliser normaliser, StoryIngestion ingestion) {
        this.normaliser = normaliser;
        this.ingestion = ingestion;
    }

    @Operation(summary = "Publish one story",
            description = "202 with the story id and cluster; duplicate=true when the story was published before.")
    @PostMapping(path = "/api/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoryReceipt> publish(@RequestBody StoryRequest request) {
        return ResponseEntity.accepted().body(ingestion.ingest(normaliser.normalise(request), StoryMetrics.API));
    }
}
