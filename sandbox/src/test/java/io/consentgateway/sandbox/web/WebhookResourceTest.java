package io.consentgateway.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.webhooks.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@code /webhooks}: what a POST records and answers, what GET lists and filters, DELETE, concurrent POSTs. */
class WebhookResourceTest {

    static final String REVOKED_ANNA = "{\"type\":\"consent.revoked\",\"timestamp\":\"2026-03-10T09:00:00Z\","
            + "\"data\":{\"eventId\":41,\"userId\":\"anna\",\"consentId\":\"c-1\",\"provider\":\"nrich\",\"status\":\"REVOKED\"}}";
    static final String GRANTED_ANNA = "{\"type\":\"consent.granted\",\"timestamp\":\"2026-03-10T09:00:00Z\","
            + "\"data\":{\"eventId\":42,\"userId\":\"anna\",\"consentId\":\"c-2\",\"provider\":\"bank\",\"status\":\"ACTIVE\"}}";
    static final String REVOKED_BEN = "{\"type\":\"consent.revoked\",\"timestamp\":\"2026-03-10T09:00:00Z\","
            + "\"data\":{\"eventId\":43,\"userId\":\"ben\",\"consentId\":\"c-3\",\"provider\":\"nrich\",\"status\":\"REVOKED\"}}";

    private final Sandbox sandbox = TestSupport.sandbox();
    private final WebhookResource webhooks = new WebhookResource(sandbox);

    /** POSTs {@code bytes} with header name/value pairs (a name may repeat). */
    static Response post(WebhookResource resource, byte[] bytes, String... headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.computeIfAbsent(headers[i], k -> new ArrayList<>()).add(headers[i + 1]);
        }
        return resource.receive(map, new ByteArrayInputStream(bytes));
    }

    static Response postJson(WebhookResource resource, String body) {
        return post(resource, body.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
    }

    static JsonArray array(Response response) {
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).isEqualTo("application/json");
        try (JsonReader reader = Json.createReader(new StringReader((String) response.getEntity()))) {
            return reader.readArray();
        }
    }

    private JsonArray list(String... query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            map.computeIfAbsent(query[i], k -> new ArrayList<>()).add(query[i + 1]);
        }
        return array(webhooks.list(map));
    }

    @Test
    void aPostIsRecordedWithItsHeadersAndBodyAndAnswered204() {
        Response answer = post(webhooks, REVOKED_ANNA.getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "X-Consent-Gateway-Signature", "sha256=abc",
                "Accept", "text/plain", "Accept", "application/json");

        assertThat(answer.getStatus()).isEqualTo(204);
        assertThat(answer.getEntity()).isNull();
        JsonObject delivery = list().getJsonObject(0);
        assertThat(delivery.getJsonObject("headers")).containsOnlyKeys("accept", "content-type",
                "x-consent-gateway-signature");
        assertThat(delivery.getJsonObject("headers").getString("x-consent-gateway-signature")).isEqualTo("sha256=abc");
        assertThat(delivery.getJsonObject("headers").getString("accept")).isEqualTo("text/plain, application/json");
        assertThat(delivery.getJsonObject("body").getJsonObject("data").getString("userId")).isEqualTo("anna");
        assertThat(delivery.getString("rawBody")).isEqualTo(REVOKED_ANNA);
        assertThat(delivery.getString("receivedAt")).isEqualTo("2026-03-10T09:00:00Z");
    }

    @Test
    void theRawBodyIsExactlyTheBytesReceivedSoASignatureOverItStillVerifies() throws Exception {
        String sent = "{ \"type\" : \"consent.revoked\",\r\n\t\"data\":{\"userId\":\"J\u00fcrgen \u20ac \ud83d\ude00\","
                + "\"amount\":1.50,\"n\":1e2, \"esc\":\"\\u00fc\\/\"} }\n";
        byte[] bytes = sent.getBytes(StandardCharsets.UTF_8);
        String signature = hmac(bytes);

        post(webhooks, bytes, "Content-Type", "application/json; charset=utf-8", "X-Signature", signature);

        JsonObject delivery = list().getJsonObject(0);
        String raw = delivery.getString("rawBody");
        assertThat(raw).isEqualTo(sent);
        assertThat(raw.getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(hmac(raw.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(delivery.getJsonObject("headers").getString("x-signature"));
        JsonObject body = delivery.getJsonObject("body");
        assertThat(body.getJsonObject("data").getString("userId")).isEqualTo("J\u00fcrgen \u20ac \ud83d\ude00");
        assertThat(body.getJsonObject("data").getJsonNumber("amount").bigDecimalValue()).hasToString("1.50");
        assertThat(body.getJsonObject("data").getString("esc")).isEqualTo("\u00fc/");
    }

    private static String hmac(byte[] bytes) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec-demo".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes));
    }

    @Test
    void aBodyThatIsNotJsonIsRecordedAndShownAsAString() {
        post(webhooks, "a=1&b=two".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
        post(webhooks, "{\"type\":\"consent.revoked\"} trailing".getBytes(StandardCharsets.UTF_8));
        post(webhooks, new byte[0]);
        post(webhooks, "[1,2]".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");

        JsonArray all = list();

        assertThat(all).hasSize(4);
        assertThat(all.getJsonObject(0).getString("body")).isEqualTo("a=1&b=two");
        assertThat(all.getJsonObject(1).getString("body")).isEqualTo("{\"type\":\"consent.revoked\"} trailing");
        assertThat(all.getJsonObject(2).getString("body")).isEmpty();
        assertThat(all.getJsonObject(2).getJsonObject("headers")).isEmpty();
        assertThat(all.getJsonObject(3).get("body").getValueType())
                .as("JSON whatever the content type says").isEqualTo(JsonValue.ValueType.ARRAY);
    }

    @Test
    void theContentTypesCharsetDecodesTheBody() {
        String text = "caf\u00e9 \u00fcber";
        post(webhooks, text.getBytes(StandardCharsets.ISO_8859_1), "Content-Type", "text/plain; charset=ISO-8859-1");
        post(webhooks, text.getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");

        assertThat(list()).extracting(v -> v.asJsonObject().getString("rawBody")).containsExactly(text, text);
        assertThat(WebhookResource.charsetOf("application/json;charset=\"UTF-16BE\""))
                .isEqualTo(Charset.forName("UTF-16BE"));
        assertThat(WebhookResource.charsetOf(null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyThatIsNotTextInItsCharsetOrInAnUnknownCharsetIsRefusedAndNotRecorded() {
        Response malformed = post(webhooks, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, "Content-Type", "application/json");
        Response unknown = post(webhooks, "{}".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain; charset=klingon");

        assertThat(malformed.getStatus()).isEqualTo(400);
        assertThat(malformed.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(unknown.getStatus()).isEqualTo(415);
        assertThat(list()).isEmpty();
        assertThat(sandbox.webhooks().counts()).isEqualTo(new WebhookReceiver.Counts(0, 2, 0));
    }

    @Test
    void aBodyUpTo256KiBIsTakenALargerOneIsA413ProblemAndNotRecorded() {
        byte[] largest = new byte[WebhookReceiver.MAX_BODY_BYTES];
        Arrays.fill(largest, (byte) 'x');
        byte[] tooLarge = new byte[WebhookReceiver.MAX_BODY_BYTES + 1];
        Arrays.fill(tooLarge, (byte) 'x');

        assertThat(post(webhooks, largest).getStatus()).isEqualTo(204);
        Response refused = post(webhooks, tooLarge, "Content-Type", "text/plain");

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(refused.getMediaType().toString()).isEqualTo("application/problem+json");
        JsonObject problem = TestSupport.json(refused);
        assertThat(problem.getInt("status")).isEqualTo(413);
        assertThat(problem.getString("type")).isEqualTo("about:blank");
        assertThat(problem.getString("detail")).contains("262144");
        assertThat(list()).hasSize(1);
        assertThat(list().getJsonObject(0).getString("rawBody")).hasSize(WebhookReceiver.MAX_BODY_BYTES);
        assertThat(sandbox.webhooks().counts()).isEqualTo(new WebhookReceiver.Counts(1, 1, 1));
    }

    @Test
    void getListsOldestFirstWithTheSandboxClocksTime() {
        postJson(webhooks, REVOKED_ANNA);
        sandbox.clock().advance(Duration.ofMinutes(5));
        postJson(webhooks, GRANTED_ANNA);
        postJson(webhooks, REVOKED_BEN);

        JsonArray all = list();

        assertThat(all).extracting(v -> v.asJsonObject().getJsonObject("body").getJsonObject("data").getInt("eventId"))
                .containsExactly(41, 42, 43);
        assertThat(all).extracting(v -> v.asJsonObject().getString("receivedAt"))
                .containsExactly("2026-03-10T09:00:00Z", "2026-03-10T09:05:00Z", "2026-03-10T09:05:00Z");
    }

    @Test
    void getFiltersOnTheTypeAndTheUserIdTogetherOrApart() {
        postJson(webhooks, REVOKED_ANNA);
        postJson(webhooks, GRANTED_ANNA);
        postJson(webhooks, REVOKED_BEN);
        post(webhooks, "consent.revoked anna".getBytes(StandardCharsets.UTF_8));

        assertThat(eventIds(list("type", "consent.revoked"))).containsExactly(41, 43);
        assertThat(eventIds(list("userId", "anna"))).containsExactly(41, 42);
        assertThat(eventIds(list("type", "consent.revoked", "userId", "anna"))).containsExactly(41);
        assertThat(list("type", "consent.expired")).isEmpty();
        assertThat(list("userId", "carla")).isEmpty();
        assertThat(list()).hasSize(4);
    }

    private static List<Integer> eventIds(JsonArray deliveries) {
        return deliveries.stream().map(v -> v.asJsonObject().getJsonObject("body").getJsonObject("data")
                .getInt("eventId")).toList();
    }

    @Test
    void getRefusesAnUnknownOrRepeatedQueryParameterRatherThanListingEverything() {
        postJson(webhooks, REVOKED_ANNA);

        Response typo = webhooks.list(Map.of("user", List.of("anna")));
        Response twice = webhooks.list(Map.of("type", List.of("a", "b")));

        assertThat(typo.getStatus()).isEqualTo(400);
        assertThat(typo.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(TestSupport.json(typo).getString("detail")).contains("user");
        assertThat(twice.getStatus()).isEqualTo(400);
    }

    @Test
    void deleteForgetsEverythingReceivedAndTheCounters() {
        postJson(webhooks, REVOKED_ANNA);
        postJson(webhooks, REVOKED_BEN);

        assertThat(webhooks.clear().getStatus()).isEqualTo(204);

        assertThat(list()).isEmpty();
        assertThat(sandbox.webhooks().counts()).isEqualTo(new WebhookReceiver.Counts(0, 0, 0));
        postJson(webhooks, GRANTED_ANNA);
        assertThat(eventIds(list())).containsExactly(42);
    }

    @Test
    void manyConcurrentPostsAreAllRecordedOnce() throws Exception {
        int senders = 24;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String body = "{\"type\":\"t\",\"data\":{\"userId\":\"u" + sender + "\",\"eventId\":" + i + "}}";
                        statuses.add(postJson(webhooks, body).getStatus());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> f : done) {
                assertThat(f.get(60, TimeUnit.SECONDS)).containsOnly(204);
            }
        } finally {
            pool.shutdownNow();
        }

        JsonArray all = list();
        assertThat(all).hasSize(senders * each);
        assertThat(all.stream().map(v -> v.asJsonObject().getString("rawBody")).distinct()).hasSize(senders * each);
        for (int s = 0; s < senders; s++) {
            assertThat(eventIds(list("userId", "u" + s))).as("sender " + s + ", in its order")
                    .isEqualTo(java.util.stream.IntStream.range(0, each).boxed().toList());
        }
        assertThat(sandbox.webhooks().counts().received()).isEqualTo(senders * each);
    }
}
