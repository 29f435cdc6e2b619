package wirewatch.local.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import wirewatch.local.mail.Inbox;
import wirewatch.local.mail.InboxMessage;

/**
 * Makes sure a webhook subscription to the local receiver and a confirmed email subscription exist, creating each
 * only when {@code demo.json} does not name one that notify still knows.
 */
public final class DemoSubscriptions {

    /** Every category of the default rule pack, so the seed story reaches both subscriptions. */
    static final List<String> ALL_CATEGORIES = List.of("NATO_NON_ENLARGEMENT", "NEUTRALITY", "SANCTIONS_RELIEF",
            "FROZEN_ASSETS", "RUSSIAN_SPEAKERS", "TERRITORY", "SECURITY_GUARANTEES", "CEASEFIRE");

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"'<>]+/confirm\\?token=[^\\s\"'<>]+");
    private static final Duration CONFIRMATION_MAIL_WAIT = Duration.ofSeconds(30);

    private final NotifyClient notify;
    private final Inbox inbox;
    private final Path stateFile;
    private final String webhookUrl;
    private final String emailAddress;

    /** What the banner shows; the secret lets the webhook page check signatures. */
    public record Demo(String webhookSubscriptionId, String webhookSecret, String emailSubscriptionId) {
    }

    public DemoSubscriptions(URI notifyUrl, String apiKey, Inbox inbox, Path stateFile, String webhookUrl,
                             String emailAddress) {
        this.notify = new NotifyClient(notifyUrl, apiKey);
        this.inbox = inbox;
        this.stateFile = stateFile;
        this.webhookUrl = webhookUrl;
        this.emailAddress = emailAddress;
    }

    public Demo ensure() {
        DemoState state = DemoState.load(stateFile);
        if (!stillActive(state.webhookSubscriptionId())) {
            NotifyClient.Created webhook = notify.create(request("webhook", webhookUrl));
            state = state.withWebhook(webhook.id(), webhook.secret());
            state.save(stateFile);
        }
        if (!stillActive(state.emailSubscriptionId())) {
            Instant requested = Instant.now().minusSeconds(1);
            NotifyClient.Created email = notify.create(request("email", emailAddress));
            state = state.withEmail(email.id());
            state.save(stateFile);
            if (!"active".equalsIgnoreCase(email.status())) {
                notify.open(confirmationLink(requested));
            }
        }
        return new Demo(state.webhookSubscriptionId(), state.webhookSecret(), state.emailSubscriptionId());
    }

    /**
     * Deletes the subscriptions an earlier run created and forgets them, so a load test measures its own
     * subscription only: the data directory keeps notify's database between runs, and left in place the demo
     * subscriptions would each receive every load-test alert (the email one at an SMTP send per alert). The next
     * ordinary run creates them again.
     *
     * @return how many notify still had
     */
    public int remove() {
        DemoState state = DemoState.load(stateFile);
        int removed = 0;
        for (String id : new String[] {state.webhookSubscriptionId(), state.emailSubscriptionId()}) {
            if (id != null && notify.find(id).isPresent()) {
                notify.delete(id);
                removed++;
            }
        }
        new DemoState(null, null, null).save(stateFile);
        return removed;
    }

    /**
     * True when notify still has the subscription and it receives alerts. One that is pending (its confirmation mail
     * went with an earlier run's GreenMail) or disabled (unsubscribed, or a webhook that answered 410) is removed, so
     * a fresh one replaces it.
     */
    private boolean stillActive(String id) {
        if (id == null) {
            return false;
        }
        Optional<JsonNode> subscription = notify.find(id);
        if (subscription.isEmpty()) {
            return false;
        }
        if (isActive(subscription.get())) {
            return true;
        }
        notify.delete(id);
        return false;
    }

    private static boolean isActive(JsonNode subscription) {
        return "active".equalsIgnoreCase(subscription.path("status").asString(""));
    }

    private Map<String, Object> request(String channel, String target) {
        return Map.of("channel", channel, "target", target, "categories", ALL_CATEGORIES, "minConfidence", 0,
                "mode", "instant");
    }

    private URI confirmationLink(Instant requestedAfter) {
        Instant deadline = Instant.now().plus(CONFIRMATION_MAIL_WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (InboxMessage message : inbox.messagesTo(emailAddress)) {
                if (message.receivedAt().isBefore(requestedAfter)) {
                    continue;
                }
                Optional<URI> link = confirmationLink(message);
                if (link.isPresent()) {
                    return link.get();
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("No confirmation mail with a /confirm?token= link reached " + emailAddress
                + " within " + CONFIRMATION_MAIL_WAIT.toSeconds() + " s; see notify's log");
    }

    static Optional<URI> confirmationLink(InboxMessage message) {
        for (String part : new String[] {message.text(), message.html()}) {
            if (part == null) {
                continue;
            }
            Matcher matcher = CONFIRM_LINK.matcher(part);
            if (matcher.find()) {
                return Optional.of(URI.create(matcher.group().replace("&amp;", "&")));
            }
        }
        return Optional.empty();
    }
}
