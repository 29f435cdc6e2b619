package wirewatch.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Keyword and source filters, flood control, the hourly cap and digests, from alerts on Kafka to real webhook
 * receivers and a real SMTP server. Digests become due by moving the application's clock.
 */
class RoutingIntegrationTests extends IntegrationTestSupport {

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<String> subscriptions = new ArrayList<>();

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private JdbcClient jdbc;

    // Deleted, so later tests' alerts do not reach them.
    @AfterEach
    void cleanUp() throws Exception {
        for (var id : subscriptions) {
            call("DELETE", "/api/subscriptions/" + id, null);
        }
        receiver.close();
        CLOCK.reset();
    }

    @Test
    void sendsOneInstantAlertPerClusterAndCategoryAndShowsTheCopiesAsSuppressed() throws Exception {
        var url = receiver.url(200, "flood");
        var subscription = subscribe("webhook", url, List.of("TERRITORY", "CEASEFIRE"), Map.of());
        var suppressedBefore = suppressedCount();

        produceAlert("flood-1", "cluster-flood", "Kremlin repeats its claim to four regions", List.of("TERRITORY"));
        produceAlert("flood-2", "cluster-flood", "Syndicated: Kremlin repeats claim", List.of("TERRITORY"));
        produceAlert("flood-3", "cluster-flood", "Kremlin ties its claim to a truce",
                List.of("TERRITORY", "CEASEFIRE"));
        produceAlert("flood-4", "cluster-other", "Another story on the regions", List.of("TERRITORY"));

        var history = await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription),
                found -> found.size() == 4 && found.stream().noneMatch(RoutingIntegrationTests::pending));
        // One cluster's alerts are sent in order; another cluster's go out beside them, in any order.
        var received = receiver.receivedAt(url).stream().map(request -> json.readTree(request.body()).path("data")
                .path("id").asString()).toList();
        assertThat(received).containsExactlyInAnyOrder("flood-1", "flood-3", "flood-4");
        assertThat(received.indexOf("flood-1")).isLessThan(received.indexOf("flood-3"));
        var byAlert = byAlertId(history);
        assertThat(byAlert.get("flood-1").path("status").asString()).isEqualTo("delivered");
        var copy = byAlert.get("flood-2");
        assertThat(copy.path("status").asString()).isEqualTo("suppressed");
        assertThat(copy.path("attempts").asInt()).isZero();
        assertThat(copy.path("createdAt").asString()).isNotEmpty();
        assertThat(copy.path("suppressedBy").path("alertId").asString()).isEqualTo("flood-1");
        assertThat(copy.path("suppressedBy").path("deliveryId").asString())
                .isEqualTo(byAlert.get("flood-1").path("id").asString());
        assertThat(byAlert.get("flood-3").path("status").asString()).isEqualTo("delivered");
        assertThat(suppressedCount() - suppressedBefore).isEqualTo(1);

        var replay = call("POST", "/api/deliveries/" + copy.path("id").asString() + "/replay", null);
        assertThat(replay.statusCode()).isEqualTo(409);
    }

    @Test
    void sendsOnlyAlertsThatMentionAKeywordAndComeFromAChosenSource() throws Exception {
        var everythingUrl = receiver.url(200, "everything");
        subscribe("webhook", everythingUrl, List.of("TERRITORY"), Map.of());
        var filteredUrl = receiver.url(200, "filtered");
        subscribe("webhook", filteredUrl, List.of("TERRITORY"), Map.of(
                "keywords", List.of("Crimea", "Zaporizhzhia nuclear plant"), "sources", List.of("reuters.com")));

        produceAlert("kw-1", "cluster-kw-1", "Moscow wants Crimea recognised", "https://www.reuters.com/world/1",
                "feed-world", List.of("TERRITORY"), "Recognition of Crimea as Russian is a condition.");
        produceAlert("kw-2", "cluster-kw-2", "Moscow wants Crimea recognised", "https://apnews.com/article/2",
                "apnews.com", List.of("TERRITORY"), "Recognition of Crimea as Russian is a condition.");
        produceAlert("kw-3", "cluster-kw-3", "Moscow wants the four regions", "https://www.reuters.com/world/3",
                "reuters.com", List.of("TERRITORY"), "Russia claims Donetsk and Luhansk.");
        produceAlert("kw-4", "cluster-kw-4", "Russia sets terms", "https://example.com/4", "reuters.com",
                List.of("TERRITORY"), "Control of the Zaporizhzhia Nuclear Plant is among them.");

        // One partition, read in order: once the last alert reached the unfiltered subscription, all were routed.
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt(everythingUrl).size() == 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedAt(filteredUrl).size() == 2);
        assertThat(receiver.receivedAt(filteredUrl)).extracting(request -> json.readTree(request.body())
                .path("data").path("id").asString()).containsExactlyInAnyOrder("kw-1", "kw-4");
    }

    @Test
    void sendsTheOverflowOfTheHourlyCapInADigestAtTheEndOfTheHour() throws Exception {
        CLOCK.moveTo(Instant.parse("2030-01-01T10:20:00Z"));
        var url = receiver.url(200, "capped");
        var subscription = subscribe("webhook", url, List.of("CEASEFIRE"), Map.of());

        for (int n = 1; n <= 22; n++) {
            produceAlert("cap-" + n, "cluster-cap-" + n, "Truce report " + n, List.of("CEASEFIRE"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> digestItems(subscription) == 2);
        assertThat(receiver.receivedAt(url)).hasSize(20);
        // Alerts read in one poll are routed side by side, so which two miss the cap is not decided by their order.
        var overflow = new ArrayList<String>();
        for (int n = 1; n <= 22; n++) {
            overflow.add("cap-" + n);
        }
        receiver.receivedAt(url).forEach(request -> overflow.remove(json.readTree(request.body()).path("data")
                .path("id").asString()));

        CLOCK.moveTo(Instant.parse("2030-01-01T11:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt(url).size() == 21);
        var digest = json.readTree(receiver.receivedAt(url).getLast().body());
        assertThat(digest.path("type").asString()).isEqualTo("digest.created");
        assertThat(digest.path("timestamp").asString()).isEqualTo("2030-01-01T11:00:00Z");
        assertThat(digest.path("data").path("periodStart").asString()).isEqualTo("2030-01-01T10:00:00Z");
        assertThat(digest.path("data").path("alertCount").asInt()).isEqualTo(2);
        assertThat(overflow).hasSize(2);
        assertThat(alertIdsIn(digest)).containsExactlyInAnyOrderElementsOf(overflow);
        var history = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription),
                found -> found.size() == 21 && found.stream().noneMatch(RoutingIntegrationTests::pending));
        assertThat(history.getFirst().path("alertId").asString())
                .isEqualTo("digest:" + digest.path("data").path("id").asString());
    }

    @Test
    void sendsADailyDigestAtTheSubscribersHourGroupedByCategoryAndCluster() throws Exception {
        CLOCK.moveTo(Instant.parse("2030-07-01T03:00:00Z")); // 06:00 in Kyiv
        var url = receiver.url(200, "daily");
        var subscription = subscribe("webhook", url, List.of("TERRITORY", "CEASEFIRE"), Map.of("mode", "digest",
                "digest", Map.of("frequency", "daily", "hour", 8, "timeZone", "Europe/Kyiv")));
        var digestedBefore = digestedCount();

        produceAlert("daily-1", "cluster-a", "Truce offered for the four regions",
                List.of("TERRITORY", "CEASEFIRE"));
        produceAlert("daily-2", "cluster-a", "Wire copy: truce offered", List.of("CEASEFIRE"));
        produceAlert("daily-3", "cluster-b", "Energy truce proposed", List.of("CEASEFIRE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> digestItems(subscription) == 3);

        CLOCK.moveTo(Instant.parse("2030-07-01T04:59:00Z")); // 07:59 in Kyiv: not yet
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> receiver.receivedAt(url).isEmpty());

        CLOCK.moveTo(Instant.parse("2030-07-01T05:00:01Z")); // 08:00 in Kyiv, summer time
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt(url).size() == 1);
        var request = receiver.receivedAt(url).getFirst();
        var event = json.readTree(request.body());
        assertThat(event.path("type").asString()).isEqualTo("digest.created");
        var data = event.path("data");
        assertThat(data.path("subscriptionId").asString()).isEqualTo(subscription.path("id").asString());
        assertThat(data.path("periodStart").asString()).isEqualTo("2030-06-30T05:00:00Z");
        assertThat(data.path("periodEnd").asString()).isEqualTo("2030-07-01T05:00:00Z");
        assertThat(data.path("alertCount").asInt()).isEqualTo(3);
        assertThat(data.path("sections").values()).extracting(section -> section.path("category").asString())
                .containsExactly("TERRITORY", "CEASEFIRE");
        assertThat(clusters(data.path("sections").get(0))).containsExactly("cluster-a=[daily-1]");
        assertThat(clusters(data.path("sections").get(1)))
                .containsExactly("cluster-a=[daily-1, daily-2]", "cluster-b=[daily-3]");
        assertThat(request.header("webhook-signature")).isEqualTo("v1," + hmacSha256(
                subscription.path("secret").asString(),
                request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body()));
        var delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription).getFirst(),
                found -> found.path("status").asString().equals("delivered"));
        assertThat(request.header("webhook-id")).isEqualTo(delivery.path("id").asString());
        assertThat(delivery.path("alertId").asString()).isEqualTo("digest:" + data.path("id").asString());
        assertThat(digestedCount() - digestedBefore).isEqualTo(3);

        // An alert after the digest went out waits for the next morning's.
        produceAlert("daily-4", "cluster-c", "Ceasefire talks resume", List.of("CEASEFIRE"));
        await().atMost(Duration.ofSeconds(30)).until(() -> digestItems(subscription) == 4);
        CLOCK.moveTo(Instant.parse("2030-07-02T05:00:01Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt(url).size() == 2);
        var next = receiver.receivedAt(url).getLast();
        assertThat(alertIdsIn(json.readTree(next.body()))).containsExactly("daily-4");
        assertThat(next.header("webhook-id")).isNotEqualTo(request.header("webhook-id"));
    }

    @Test
    void retriesAFailedDigestThroughTheRetryTopicsUnderTheSameWebhookId() throws Exception {
        CLOCK.moveTo(Instant.parse("2030-02-01T09:30:00Z"));
        var url = receiver.scripted("digest-flaky", WebhookReceiver.Reply.status(503));
        var subscription = subscribe("webhook", url, List.of("NEUTRALITY"), Map.of("mode", "digest",
                "digest", Map.of("frequency", "hourly")));

        produceAlert("retry-1", "cluster-retry", "Kyiv rules out neutrality", List.of("NEUTRALITY"));
        await().atMost(Duration.ofSeconds(30)).until(() -> digestItems(subscription) == 1);
        CLOCK.moveTo(Instant.parse("2030-02-01T10:00:01Z"));

        var delivery = await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(subscription),
                found -> found.size() == 1 && found.getFirst().path("status").asString().equals("delivered"))
                .getFirst();
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
        var requests = receiver.receivedAt(url);
        assertThat(requests).hasSize(2).extracting(request -> request.header("webhook-id"))
                .containsOnly(delivery.path("id").asString());
        assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
        assertThat(alertIdsIn(json.readTree(requests.get(1).body()))).containsExactly("retry-1");
    }

    @Test
    void mailsADigestUnderItsDeliveryIdWithEveryStoryFieldEscaped() throws Exception {
        CLOCK.moveTo(Instant.parse("2030-03-01T09:30:00Z"));
        var address = "digest-reader@example.org";
        var subscription = subscribe("email", address, List.of("TERRITORY"), Map.of("mode", "digest",
                "digest", Map.of("frequency", "hourly")));
        assertThat(call("GET", "/confirm?token=" + confirmationToken(address), null, null).statusCode())
                .isEqualTo(200);

        produceAlert("mail-1", "cluster-mail", "<b>Crimea</b> & the \"four regions\"", "javascript:alert(1)",
                "example.com", List.of("TERRITORY"), "He wants <script>all</script> of them.");
        await().atMost(Duration.ofSeconds(30)).until(() -> digestItems(subscription) == 1);
        CLOCK.moveTo(Instant.parse("2030-03-01T10:00:01Z"));

        var mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).stream()
                .filter(message -> subject(message).startsWith("[Wirewatch] Digest")).findFirst().orElse(null),
                found -> found != null);
        assertThat(mail.getSubject()).isEqualTo("[Wirewatch] Digest: 1 alert on TERRITORY");
        var delivery = await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(subscription).getFirst(),
                found -> found.path("status").asString().equals("delivered"));
        assertThat(mail.getMessageID()).isEqualTo("<" + delivery.path("id").asString() + "@wirewatch.local>");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        var parts = (MimeMultipart) mail.getContent();
        var html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).doesNotContain("<b>Crimea").doesNotContain("<script>").doesNotContain("javascript:")
                .contains("&lt;b&gt;Crimea&lt;/b&gt; &amp; the &quot;four regions&quot;")
                .contains("He wants &lt;script&gt;all&lt;/script&gt; of them.")
                .contains("1 Mar 2030, 09:00</span> to <span>1 Mar 2030, 10:00");
        assertThat(textOf(mail)).contains("<b>Crimea</b> & the \"four regions\"");
    }

    private JsonNode subscribe(String channel, String target, List<String> categories, Map<String, Object> more)
            throws Exception {
        var request = new HashMap<String, Object>(Map.of("channel", channel, "target", target,
                "categories", categories, "mode", "instant"));
        request.putAll(more);
        var created = subscribe(request);
        subscriptions.add(created.path("id").asString());
        return created;
    }

    private void produceAlert(String id, String cluster, String title, List<String> categories) throws Exception {
        produceAlert(id, cluster, title, "https://example.com/" + id, "example.com", categories,
                "Evidence sentence of " + id + ".");
    }

    private void produceAlert(String id, String cluster, String title, String url, String source,
                              List<String> categories, String evidence) throws Exception {
        var alert = json.createObjectNode();
        alert.put("id", id).put("storyId", "story-" + id).put("clusterId", cluster)
                .put("rulesetVersion", "sha256:0123").put("classifiedAt", "2030-01-01T00:00:00Z");
        alert.putObject("story").put("title", title).put("url", url).put("source", source)
                .put("publishedAt", "2030-01-01T00:00:00Z");
        alert.putArray("categories").addAll(categories.stream().map(json::valueToTree)
                .map(JsonNode.class::cast).toList());
        var matches = alert.putArray("matches");
        for (var category : categories) {
            var match = matches.addObject().put("ruleId", category.toLowerCase(Locale.ROOT))
                    .put("category", category).put("confidence", 0.8).put("stance", "DEMANDED");
            match.putArray("evidence").add(evidence);
        }
        produce("story-" + id, json.writeValueAsString(alert));
    }

    private List<JsonNode> deliveries(JsonNode subscription) throws Exception {
        return getJson("/api/subscriptions/" + subscription.path("id").asString() + "/deliveries").values()
                .stream().toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean pending(JsonNode delivery) {
        return delivery.path("status").asString().equals("pending");
    }

    private static Map<String, JsonNode> byAlertId(List<JsonNode> deliveries) {
        var byAlert = new HashMap<String, JsonNode>();
        deliveries.forEach(delivery -> byAlert.put(delivery.path("alertId").asString(), delivery));
        return byAlert;
    }

    private long digestItems(JsonNode subscription) {
        return jdbc.sql("""
                        select count(*) from digest_items i join digests d on d.id = i.digest_id
                         where d.subscription_id = ?::uuid""")
                .param(subscription.path("id").asString()).query(Long.class).single();
    }

    private static List<String> clusters(JsonNode section) {
        return section.path("clusters").values().stream().map(cluster -> cluster.path("clusterId").asString() + "="
                + cluster.path("alerts").values().stream().map(alert -> alert.path("id").asString()).toList())
                .toList();
    }

    private static List<String> alertIdsIn(JsonNode digest) {
        return digest.path("data").path("sections").values().stream()
                .flatMap(section -> section.path("clusters").values().stream())
                .flatMap(cluster -> cluster.path("alerts").values().stream())
                .map(alert -> alert.path("id").asString()).distinct().toList();
    }

    private double suppressedCount() {
        return outcomeCount("suppressed");
    }

    private double digestedCount() {
        return outcomeCount("digested");
    }

    private double outcomeCount(String outcome) {
        var counter = meters.find("wirewatch.notify.deliveries").tag("channel", "webhook").tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    // Written apart from notify's signer, so a mistake there cannot hide in here.
    private static String hmacSha256(String secret, String content) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
