package io.consentgateway.sandbox.web;

import static io.consentgateway.sandbox.web.WebhookResourceTest.GRANTED_ANNA;
import static io.consentgateway.sandbox.web.WebhookResourceTest.REVOKED_ANNA;
import static io.consentgateway.sandbox.web.WebhookResourceTest.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.webhooks.WebhookReceiver;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /control/webhooks}: failing, late, redirecting and healing receivers; the counters in stats; reset. */
class WebhookControlTest {

    private final Sandbox sandbox = TestSupport.sandbox();
    private final ControlResource control = new ControlResource(sandbox);
    private final WebhookResource webhooks = new WebhookResource(sandbox);

    /** A body written with single quotes, for legibility. */
    private Response misbehave(String body) {
        return control.setWebhookFault(body.replace('\'', '"'));
    }

    private List<String> recorded() {
        return WebhookResourceTest.array(webhooks.list(Map.of())).stream()
                .map(v -> v.asJsonObject().getString("rawBody")).toList();
    }

    private JsonObject webhookStats() {
        return TestSupport.json(control.stats()).getJsonObject("webhooks");
    }

    @Test
    void withoutAFaultTheControlShowsNoneAndZeroCounters() {
        JsonObject view = TestSupport.json(control.webhooks());

        assertThat(view.get("fault")).isEqualTo(JsonValue.NULL);
        assertThat(view.getInt("received")).isZero();
        assertThat(view.getInt("refused")).isZero();
        assertThat(view.getInt("stored")).isZero();
        assertThat(webhookStats().toString()).isEqualTo("{\"received\":0,\"refused\":0}");
    }

    @Test
    void aStatusFailsThatManyPostsWithoutRecordingThemThenTheReceiverHeals() {
        Response set = misbehave("{'status':500,'times':3}");

        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(TestSupport.json(set).getJsonObject("fault").toString())
                .isEqualTo("{\"status\":500,\"latencyMs\":0,\"times\":3,\"remaining\":3}");
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response failed = postJson(webhooks, REVOKED_ANNA);
            assertThat(failed.getStatus()).isEqualTo(500);
            assertThat(failed.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(TestSupport.json(failed).getInt("status")).isEqualTo(500);
            assertThat(failed.getHeaderString("Retry-After")).isNull();
            assertThat(recorded()).isEmpty();
            JsonValue fault = TestSupport.json(control.webhooks()).get("fault");
            if (attempt < 3) {
                assertThat(fault.asJsonObject().getInt("remaining")).isEqualTo(3 - attempt);
            } else {
                assertThat(fault).as("healed after the last time").isEqualTo(JsonValue.NULL);
            }
        }

        assertThat(postJson(webhooks, REVOKED_ANNA).getStatus()).isEqualTo(204);
        assertThat(recorded()).containsExactly(REVOKED_ANNA);
        assertThat(webhookStats().getInt("received")).isEqualTo(1);
        assertThat(webhookStats().getInt("refused")).isEqualTo(3);
        JsonObject view = TestSupport.json(control.webhooks());
        assertThat(view.getInt("received")).isEqualTo(1);
        assertThat(view.getInt("refused")).isEqualTo(3);
        assertThat(view.getInt("stored")).isEqualTo(1);
    }

    @Test
    void withoutTimesTheFaultLastsUntilCleared() {
        misbehave("{'status':503}");

        for (int i = 0; i < 5; i++) {
            Response failed = postJson(webhooks, REVOKED_ANNA);
            assertThat(failed.getStatus()).isEqualTo(503);
            assertThat(failed.getHeaderString("Retry-After")).isEqualTo("1");
        }
        assertThat(TestSupport.json(control.webhooks()).getJsonObject("fault").containsKey("remaining")).isFalse();

        assertThat(control.clearWebhookFault().getStatus()).isEqualTo(204);

        assertThat(postJson(webhooks, GRANTED_ANNA).getStatus()).isEqualTo(204);
        assertThat(recorded()).containsExactly(GRANTED_ANNA);
        assertThat(webhookStats().getInt("refused")).isEqualTo(5);
    }

    @Test
    void aLatencyDelaysTheAnswerAndTheDeliveryIsStillRecorded() {
        misbehave("{'latencyMs':200,'times':1}");

        long started = System.nanoTime();
        Response late = postJson(webhooks, REVOKED_ANNA);
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(late.getStatus()).isEqualTo(204);
        assertThat(tookMs).isGreaterThanOrEqualTo(200);
        assertThat(recorded()).containsExactly(REVOKED_ANNA);
        long startedAgain = System.nanoTime();
        postJson(webhooks, GRANTED_ANNA);
        assertThat((System.nanoTime() - startedAgain) / 1_000_000).as("healed").isLessThan(200);
    }

    @Test
    void aLatencyWithAStatusWaitsThenFails() {
        misbehave("{'status':502,'latencyMs':150}");

        long started = System.nanoTime();
        Response failed = postJson(webhooks, REVOKED_ANNA);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        assertThat(failed.getStatus()).isEqualTo(502);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void aRedirectAnswers307WithTheLocationAndRecordsNothing() {
        misbehave("{'redirectTo':'http://example.invalid/hooks?x=1','times':2}");

        Response first = postJson(webhooks, REVOKED_ANNA);
        Response second = postJson(webhooks, REVOKED_ANNA);
        Response third = postJson(webhooks, GRANTED_ANNA);

        for (Response redirect : List.of(first, second)) {
            assertThat(redirect.getStatus()).isEqualTo(307);
            assertThat(redirect.getLocation()).isEqualTo(URI.create("http://example.invalid/hooks?x=1"));
        }
        assertThat(third.getStatus()).isEqualTo(204);
        assertThat(recorded()).containsExactly(GRANTED_ANNA);
        assertThat(webhookStats().getInt("refused")).isEqualTo(2);
    }

    @Test
    void aNewFaultReplacesTheOldOne() {
        misbehave("{'status':500}");

        JsonObject view = TestSupport.json(misbehave("{'status':429,'times':1}"));

        assertThat(view.getJsonObject("fault").getInt("status")).isEqualTo(429);
        assertThat(postJson(webhooks, REVOKED_ANNA).getStatus()).isEqualTo(429);
        assertThat(postJson(webhooks, REVOKED_ANNA).getStatus()).isEqualTo(204);
    }

    @Test
    void ofConcurrentPostsExactlyTimesMisbehave() throws Exception {
        misbehave("{'status':500,'times':37}");
        int senders = 16;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<List<Integer>>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                done.add(pool.submit(() -> {
                    start.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(postJson(webhooks, REVOKED_ANNA).getStatus());
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> f : done) {
                statuses.addAll(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses.stream().filter(s -> s == 500)).hasSize(37);
        assertThat(statuses.stream().filter(s -> s == 204)).hasSize(senders * each - 37);
        assertThat(sandbox.webhooks().counts()).isEqualTo(new WebhookReceiver.Counts(senders * each - 37, 37,
                senders * each - 37));
        assertThat(sandbox.webhookFaults().current()).isEmpty();
    }

    @Test
    void statsKeepTheProviderCallsBesideTheWebhookCounters() {
        sandbox.stats().record("nrich", "GET", "/rest/accounts", null);
        postJson(webhooks, REVOKED_ANNA);
        misbehave("{'status':500,'times':1}");
        postJson(webhooks, REVOKED_ANNA);

        JsonObject stats = TestSupport.json(control.stats());

        assertThat(stats.keySet()).containsExactly("bank", "nrich", "webhooks");
        assertThat(stats.getJsonObject("nrich").getInt("GET /rest/accounts")).isEqualTo(1);
        assertThat(stats.getJsonObject("webhooks").toString()).isEqualTo("{\"received\":1,\"refused\":1}");
    }

    @Test
    void resetForgetsTheDeliveriesTheCountersAndTheFault() {
        postJson(webhooks, REVOKED_ANNA);
        misbehave("{'status':500}");
        postJson(webhooks, REVOKED_ANNA);

        assertThat(control.reset().getStatus()).isEqualTo(204);

        assertThat(recorded()).isEmpty();
        assertThat(webhookStats().toString()).isEqualTo("{\"received\":0,\"refused\":0}");
        assertThat(sandbox.webhookFaults().current()).isEmpty();
        assertThat(postJson(webhooks, GRANTED_ANNA).getStatus()).isEqualTo(204);
    }

    @Test
    void deletingTheDeliveriesKeepsTheFault() {
        misbehave("{'status':500}");

        webhooks.clear();

        assertThat(postJson(webhooks, REVOKED_ANNA).getStatus()).isEqualTo(500);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("body", "not json"),
                arguments("body", "[]"),
                arguments("needs", "{}"),
                arguments("needs", "{'times':3}"),
                arguments("needs", "{'status':null}"),
                arguments("failWith (use status)", "{'failWith':500}"),
                arguments("delayMillis (use latencyMs)", "{'delayMillis':3000}"),
                arguments("unknown field rate", "{'status':500,'rate':0.5}"),
                arguments("status", "{'status':200}"),
                arguments("status", "{'status':307}"),
                arguments("status", "{'status':600}"),
                arguments("status", "{'status':'500'}"),
                arguments("status", "{'status':500.5}"),
                arguments("latencyMs", "{'latencyMs':-1}"),
                arguments("latencyMs", "{'latencyMs':60001}"),
                arguments("latencyMs", "{'latencyMs':99999999999}"),
                arguments("times", "{'status':500,'times':0}"),
                arguments("times", "{'status':500,'times':'3'}"),
                arguments("redirectTo", "{'redirectTo':'/relative'}"),
                arguments("redirectTo", "{'redirectTo':'ftp://example.invalid/x'}"),
                arguments("redirectTo", "{'redirectTo':'http://exa mple.invalid/'}"),
                arguments("redirectTo", "{'redirectTo':'https://example.invalid/x#frag'}"),
                arguments("redirectTo", "{'redirectTo':42}"),
                arguments("exclude each other", "{'status':500,'redirectTo':'http://example.invalid/x'}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badBodies")
    void aBadFaultIsRefusedWith400NamingTheProblemAndChangesNothing(String problem, String body) {
        misbehave("{'status':418}");

        Response response = misbehave(body);

        assertThat(response.getStatus()).isEqualTo(400);
        JsonObject error = TestSupport.json(response);
        assertThat(error.getString("error")).isEqualTo("invalid_request");
        assertThat(error.getString("error_description")).contains(problem);
        assertThat(TestSupport.json(control.webhooks()).getJsonObject("fault").getInt("status")).isEqualTo(418);
    }

    @Test
    void theLongestLatencyIsAMinuteAndNullMembersCountAsAbsent() {
        JsonObject view = TestSupport.json(misbehave("{'latencyMs':60000,'status':null,'times':null,'redirectTo':null}"));

        assertThat(view.getJsonObject("fault").toString()).isEqualTo("{\"latencyMs\":60000}");
    }
}
