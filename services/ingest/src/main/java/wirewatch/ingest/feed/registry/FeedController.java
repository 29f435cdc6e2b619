package wirewatch.ingest.feed.registry;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FeedController {

    private final FeedRegistry registry;

    FeedController(FeedRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "Register a feed to poll",
            description = "201 with the feed; 200 with the existing feed when its URL is already registered.")
    @PostMapping(path = "/api/feeds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedView> register(@RequestBody FeedRequest request) {
        var registration = registry.register(request);
        var view = FeedView.of(registration.feed());
        return registration.created()
                ? ResponseEntity.created(URI.create("/api/feeds/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(summary = "Every registered feed with its health")
    @GetMapping("/api/feeds")
    List<FeedView> all() {
        return registry.all().stream().map(FeedView::of).toList();
    }

    @Operation(summary = "One feed with its health")
    @GetMapping("/api/feeds/{id}")
    FeedView one(@PathVariable String id) {
        return FeedView.of(registry.get(id));
    }

    @Operation(summary = "Stop polling a feed", description = "Stories it published stay published.")
    @DeleteMapping("/api/feeds/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        registry.remove(id);
        return ResponseEntity.noContent().build();
    }
}
