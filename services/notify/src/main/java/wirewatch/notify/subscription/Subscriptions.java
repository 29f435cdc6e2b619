package wirewatch.notify.subscription;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, confirming, disabling and removing subscriptions. */
@Service
class Subscriptions {

    private final SubscriptionStore store;
    private final ConfirmationMailer confirmations;
    private final Clock clock;

    Subscriptions(SubscriptionStore store, ConfirmationMailer confirmations) {
        this.store = store;
        this.confirmations = confirmations;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores a webhook subscription as active and an email subscription as pending with its confirmation mail
     * sent. The mail goes out inside the transaction, so a subscription whose mail failed is not kept: nobody
     * could ever confirm it.
     */
    @Transactional
    Subscription create(NewSubscription request) {
        var webhook = request.channel() == Channel.WEBHOOK;
        var subscription = new Subscription(
                UUID.randomUUID(),
                request.channel(),
                request.target(),
                request.categories(),
                request.minConfidence(),
                request.keywords(),
                request.sources(),
                request.mode(),
                request.digest(),
                webhook ? SubscriptionStatus.ACTIVE : SubscriptionStatus.PENDING,
                webhook ? Tokens.webhookSecret() : null,
                Tokens.urlSafe(),
                webhook ? null : Tokens.urlSafe(),
                null,
                clock.instant().truncatedTo(ChronoUnit.MICROS)); // what PostgreSQL keeps
        store.insert(subscription);
        if (!webhook) {
            confirmations.sendConfirmation(subscription);
        }
        return subscription;
    }

    Subscription get(UUID id) {
        return store.find(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    void delete(UUID id) {
        if (!store.delete(id)) {
            throw new SubscriptionNotFoundException(id);
        }
    }

    /** Clicking the link again is harmless; so is clicking it after unsubscribing, which does not re-activate. */
    Subscription confirm(String token) {
        var subscription = store.findByConfirmationToken(token)
                .orElseThrow(() -> new UnknownTokenException("confirmation"));
        store.activateIfPending(subscription.id());
        return get(subscription.id());
    }

    Subscription findForUnsubscribe(String token) {
        return store.findByUnsubscribeToken(token).orElseThrow(() -> new UnknownTokenException("unsubscribe"));
    }

    Subscription unsubscribe(String token) {
        var subscription = findForUnsubscribe(token);
        store.disable(subscription.id());
        return subscription;
    }
}
