package io.consentgateway.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.SandboxClock;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The receiver's memory: order, the clock, parsing, filters, the bounds, the counters, concurrency. */
class WebhookReceiverTest {

    private final SandboxClock clock = SandboxClock.fixedAt(TestSupport.START);
    private final WebhookReceiver receiver = new WebhookReceiver(clock);

    private static String event(String type, String userId) {
        return "{\"type\":\"" + type + "\",\"timestamp\":\"2026-03-10T09:00:00Z\",\"data\":{\"eventId\":1,\"userId\":\""
                + userId + "\",\"consentId\":\"c-1\",\"provider\":\"nrich\",\"status\":\"REVOKED\"}}";
    }

    @Test
    void deliveriesAreKeptOldestFirstStampedWithTheSandboxClock() {
        receiver.record(Map.of(), "first");
        clock.advance(Duration.ofSeconds(90));
        receiver.record(Map.of(), "second");

        List<ReceivedWebhook> deliveries = receiver.deliveries();

        assertThat(deliveries).extracting(ReceivedWebhook::rawBody).containsExactly("first", "second");
        assertThat(deliveries.get(0).receivedAt()).isEqualTo(TestSupport.START);
        assertThat(deliveries.get(1).receivedAt()).isEqualTo(TestSupport.START.plusSeconds(90));
        assertThat(receiver.toJson(null, null).get(1).getString("receivedAt")).isEqualTo("2026-03-10T09:01:30Z");
    }

    @Test
    void headerNamesAreLowerCasedAndTheValuesOfOneNameJoined() {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        sent.put("Content-Type", List.of("application/json"));
        sent.put("X-Trace", List.of("a", "b"));
        sent.put("x-trace", List.of("c"));
        sent.put("X-Empty", List.of());

        Map<String, String> headers = ReceivedWebhook.headersOf(sent);

        assertThat(headers).containsExactly(Map.entry("content-type", "application/json"),
                Map.entry("x-trace", "a, b, c"));
        assertThat(ReceivedWebhook.headersOf(null)).isEmpty();
    }

    @Test
    void aBodyIsParsedOnlyWhenTheWholeOfItIsJson() {
        assertThat(new ReceivedWebhook(TestSupport.START, Map.of(), "{\"a\":[1,2.50]} \n").body())
                .isEqualTo(Json.createObjectBuilder().add("a", Json.createArrayBuilder().add(1)
                        .add(new java.math.BigDecimal("2.50"))).build());
        assertThat(new ReceivedWebhook(TestSupport.START, Map.of(), "[true]").body().getValueType())
                .isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(new ReceivedWebhook(TestSupport.START, Map.of(), "42").body().toString()).isEqualTo("42");
        for (String text : new String[] {"", "  ", "hello", "{\"a\":1} trailing", "{\"a\":1}{\"b\":2}", "{\"a\":",
                "tru"}) {
            JsonValue body = new ReceivedWebhook(TestSupport.START, Map.of(), text).body();
            assertThat(body).as(text).isInstanceOf(JsonString.class);
            assertThat(((JsonString) body).getString()).isEqualTo(text);
        }
    }

    @Test
    void filtersMatchTheTopLevelTypeAndTheDataUserIdExactly() {
        receiver.record(Map.of(), event("consent.revoked", "anna"));
        receiver.record(Map.of(), event("consent.granted", "anna"));
        receiver.record(Map.of(), event("consent.revoked", "ben"));
        receiver.record(Map.of(), "{\"type\":\"consent.revoked\",\"data\":\"anna\"}");
        receiver.record(Map.of(), "{\"type\":7,\"data\":{\"userId\":7}}");
        receiver.record(Map.of(), "not json consent.revoked anna");
        receiver.record(Map.of(), "[{\"type\":\"consent.revoked\"}]");

        assertThat(userIds(receiver.toJson("consent.revoked", null)))
                .containsExactly("anna", "ben", "-");
        assertThat(userIds(receiver.toJson(null, "anna"))).containsExactly("anna", "anna");
        assertThat(receiver.toJson("consent.revoked", "anna")).hasSize(1)
                .first().satisfies(d -> assertThat(d.getString("rawBody")).isEqualTo(event("consent.revoked", "anna")));
        assertThat(receiver.toJson("Consent.Revoked", null)).as("case matters").isEmpty();
        assertThat(receiver.toJson("", null)).as("an empty filter matches only an empty type").isEmpty();
        assertThat(receiver.toJson(null, null)).hasSize(7);
    }

    private static List<String> userIds(List<JsonObject> deliveries) {
        return deliveries.stream().map(d -> d.getJsonObject("body").get("data") instanceof JsonObject data
                ? data.getString("userId") : "-").toList();
    }

    @Test
    void theJsonOfADeliveryHasItsHeadersBodyRawBodyAndTime() {
        receiver.record(Map.of("content-type", "application/json"), "{ \"type\" : \"x\" }");

        JsonObject json = receiver.toJson(null, null).get(0);

        assertThat(json.keySet()).containsExactly("headers", "body", "rawBody", "receivedAt");
        assertThat(json.getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
        assertThat(json.getJsonObject("body").getString("type")).isEqualTo("x");
        assertThat(json.getString("rawBody")).isEqualTo("{ \"type\" : \"x\" }");
        assertThat(json.getString("receivedAt")).isEqualTo("2026-03-10T09:00:00Z");
    }

    @Test
    void theDefaultBoundKeepsTheLast10000Deliveries() {
        for (int i = 0; i < WebhookReceiver.MAX_DELIVERIES + 5; i++) {
            receiver.record(Map.of(), "#" + i);
        }

        List<ReceivedWebhook> kept = receiver.deliveries();

        assertThat(kept).hasSize(10_000);
        assertThat(kept.get(0).rawBody()).isEqualTo("#5");
        assertThat(kept.get(kept.size() - 1).rawBody()).isEqualTo("#10004");
        assertThat(receiver.counts()).isEqualTo(new WebhookReceiver.Counts(10_005, 0, 10_000));
    }

    @Test
    void theBodiesTogetherAreBoundedTooDroppingTheOldestButNeverTheNewest() {
        WebhookReceiver small = new WebhookReceiver(clock, 100, 10);

        small.record(Map.of(), "aaaa");
        small.record(Map.of(), "bbbb");
        small.record(Map.of(), "cc");
        assertThat(small.deliveries()).extracting(ReceivedWebhook::rawBody).containsExactly("aaaa", "bbbb", "cc");

        small.record(Map.of(), "d");
        assertThat(small.deliveries()).extracting(ReceivedWebhook::rawBody).containsExactly("bbbb", "cc", "d");

        small.record(Map.of(), "eeeeeeeeeeee");
        assertThat(small.deliveries()).extracting(ReceivedWebhook::rawBody).containsExactly("eeeeeeeeeeee");
        assertThat(small.counts().received()).isEqualTo(5);
        assertThatThrownBy(() -> new WebhookReceiver(clock, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clearForgetsTheDeliveriesAndZeroesTheCounters() {
        receiver.record(Map.of(), "x");
        receiver.refuse();

        receiver.clear();

        assertThat(receiver.deliveries()).isEmpty();
        assertThat(receiver.counts()).isEqualTo(new WebhookReceiver.Counts(0, 0, 0));
    }

    @Test
    void concurrentRecordsAreAllKeptEachWritersInItsOrder() throws Exception {
        int writers = 16;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        receiver.record(Map.of(), writer + ":" + i);
                        if (i % 250 == 0) {
                            receiver.toJson(null, null); // readers meanwhile
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<ReceivedWebhook> kept = receiver.deliveries();
        assertThat(kept).hasSize(writers * each);
        assertThat(receiver.counts().received()).isEqualTo(writers * each);
        int[] next = new int[writers];
        for (ReceivedWebhook d : kept) {
            String[] parts = d.rawBody().split(":");
            int writer = Integer.parseInt(parts[0]);
            assertThat(Integer.parseInt(parts[1])).as("writer " + writer + "'s order").isEqualTo(next[writer]++);
        }
    }
}
