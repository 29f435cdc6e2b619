package wirewatch.notify.webhook;

import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import wirewatch.notify.subscription.Channel;
import wirewatch.notify.subscription.SubscriptionNotFoundException;
import wirewatch.notify.subscription.SubscriptionStore;

@RestController
class SecretRotationController {

    private final SubscriptionStore subscriptions;
    private final WebhookSecrets secrets;
    private final WebhookProperties properties;

    SecretRotationController(SubscriptionStore subscriptions, WebhookSecrets secrets, WebhookProperties properties) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.properties = properties;
    }

    /**
     * Issues a new signing secret, shown in this answer and nowhere else. Until {@code previousSecretsExpireAt}
     * deliveries carry a signature with the new secret and one with each previous secret, then only the new one.
     */
    @PostMapping("/api/subscriptions/{id}/secret")
    @ResponseStatus(HttpStatus.CREATED)
    Rotation rotate(@PathVariable UUID id) {
        var subscription = subscriptions.find(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
        if (subscription.channel() != Channel.WEBHOOK) {
            throw new NotAWebhookException(id, subscription.channel());
        }
        var rotated = secrets.rotate(subscription, properties.secretOverlap());
        return new Rotation(id, rotated.secret(), rotated.previousExpireAt());
    }

    @ExceptionHandler
    ProblemDetail notAWebhook(NotAWebhookException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not a webhook subscription");
        return problem;
    }

    record Rotation(UUID id, String secret, Instant previousSecretsExpireAt) {
    }

    static final class NotAWebhookException extends RuntimeException {

        NotAWebhookException(UUID id, Channel channel) {
            super("subscription " + id + " is an " + channel.id() + " subscription; only webhook subscriptions "
                    + "have a signing secret to rotate");
        }
    }
}
