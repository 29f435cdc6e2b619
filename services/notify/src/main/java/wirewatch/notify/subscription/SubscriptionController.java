package wirewatch.notify.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

    private final SubscriptionRequests requests;
    private final Subscriptions subscriptions;

    SubscriptionController(SubscriptionRequests requests, Subscriptions subscriptions) {
        this.requests = requests;
        this.subscriptions = subscriptions;
    }

    /** The webhook secret is in this answer and nowhere else, ever. */
    @PostMapping
    ResponseEntity<Created> create(@RequestBody SubscriptionRequest request) {
        var subscription = subscriptions.create(requests.validate(request));
        return ResponseEntity.created(URI.create("/api/subscriptions/" + subscription.id()))
                .body(new Created(subscription.id(), subscription.status().id(), subscription.secret()));
    }

    @GetMapping("/{id}")
    View get(@PathVariable UUID id) {
        return View.of(subscriptions.get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        subscriptions.delete(id);
        return ResponseEntity.noContent().build();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(UUID id, String status, String secret) {
    }

    /** @param disabledReason why notify disabled the subscription (410 Gone, failing too long); absent otherwise */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record View(UUID id, String channel, String target, List<String> categories, double minConfidence,
                List<String> keywords, List<String> sources, String mode, Digest digest, String status,
                String disabledReason, Instant createdAt) {

        static View of(Subscription subscription) {
            return new View(subscription.id(), subscription.channel().id(), subscription.target(),
                    subscription.categories(), subscription.minConfidence(), subscription.keywords(),
                    subscription.sources(), subscription.mode().id(), Digest.of(subscription.digest()),
                    subscription.status().id(), subscription.disabledReason(), subscription.createdAt());
        }
    }

    /** @param hour daily digests only */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Digest(String frequency, Integer hour, String timeZone) {

        static Digest of(DigestSchedule schedule) {
            return schedule == null ? null
                    : new Digest(schedule.frequency().id(), schedule.hour(), schedule.timeZone().getId());
        }
    }
}
