package io.consentgateway.it;

import io.consentgateway.it.support.AtOnce;
import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's browser callback: cancellation in both vocabularies, replays, forged states and mixed-up flows.
 * Exchanges are counted at the sandbox (deltas of {@code POST /auth/token authorization_code}).
 */
class CallbackIT {

    @Test
    void cancelInTheWidgetWithAbortEndsTheFlowCancelledWithoutAnExchange() {
        Journey journey = Journey.newUser("abort");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI callbackUrl = Journey.cancel(flow.widgetUrl());
        assertThat(Http.query(callbackUrl)).containsEntry("abort", "true");

        Sandbox.Stats before = Sandbox.stats();
        Journey.Callback callback = Journey.callback(callbackUrl);
        Sandbox.Stats after = Sandbox.stats();

        assertThat(callback.outcome()).isEqualTo("CANCELLED");
        assertThat(callback.flowId()).isEqualTo(flow.id());
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("no code exchanged").isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("CANCELLED");
        assertThat(journey.consents()).isEmpty();
    }

    @Test
    void cancelWithTheOlderParameterNameCancelIsAcceptedToo() {
        Journey journey = Journey.newUser("legacy-cancel");
        Journey.Flow flow = journey.start("ONE_TIME_ACCESS");
        Map<String, String> query = new LinkedHashMap<>(Http.query(Journey.cancel(flow.widgetUrl())));
        // What a provider following the older documents sends: cancel=true, and no abort at all.
        query.remove("abort");
        query.put("cancel", "true");
        URI legacy = Http.uri("/callback?" + Http.form(query));

        Sandbox.Stats before = Sandbox.stats();
        Journey.Callback callback = Journey.callback(legacy);
        Sandbox.Stats after = Sandbox.stats();

        assertThat(callback.outcome()).isEqualTo("CANCELLED");
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("no code exchanged").isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("CANCELLED");
    }

    @Test
    void replayedCallbackAnswersTheSameOutcomeAndExchangesTheCodeOnlyOnce() {
        Journey journey = Journey.newUser("replay");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI callbackUrl = Journey.approve(flow.widgetUrl());

        Sandbox.Stats before = Sandbox.stats();
        Journey.Callback first = Journey.callback(callbackUrl);
        Journey.Callback second = Journey.callback(callbackUrl);
        Sandbox.Stats after = Sandbox.stats();

        assertThat(first.outcome()).isEqualTo("COMPLETED");
        assertThat(second.outcome()).isEqualTo("COMPLETED");
        assertThat(second.flowId()).isEqualTo(first.flowId()).isEqualTo(flow.id());
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("exactly one exchange").isEqualTo(1);
        assertThat(journey.consents()).hasSize(1);
        // The replay must not have used the code twice (which makes the provider revoke the tokens): data is still readable.
        assertThat(journey.accounts(journey.consentIdOf(flow.id())).status()).isEqualTo(200);
    }

    @Test
    void twoCallbacksAtOnceExchangeTheCodeOnlyOnce() throws Exception {
        Journey journey = Journey.newUser("race");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI callbackUrl = Journey.approve(flow.widgetUrl());

        Sandbox.Stats before = Sandbox.stats();
        Callable<Journey.Callback> call = () -> Journey.callback(callbackUrl);
        List<Journey.Callback> callbacks = AtOnce.all(List.of(call, call));
        Sandbox.Stats after = Sandbox.stats();

        assertThat(callbacks).extracting(Journey.Callback::outcome).containsAnyOf("COMPLETED")
                .allMatch(outcome -> outcome.equals("COMPLETED") || outcome.equals("IN_PROGRESS"));
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("exactly one exchange").isEqualTo(1);
        assertThat(journey.flowStatus(flow.id())).isEqualTo("COMPLETED");
        assertThat(journey.consents()).hasSize(1);
    }

    @Test
    void forgedStateIsRefusedWithoutAnExchangeAndTheRealCallbackStillWorks() {
        Journey journey = Journey.newUser("forged");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI genuine = Journey.approve(flow.widgetUrl());
        Map<String, String> forged = new LinkedHashMap<>(Http.query(genuine));
        forged.put("state", randomState());

        Sandbox.Stats before = Sandbox.stats();
        Http.Response refused = GatewayClient.anonymous(Http.request("/callback?" + Http.form(forged)).GET());
        Sandbox.Stats after = Sandbox.stats();

        refused.expectProblem(400, "invalid-callback");
        assertThat(refused.header("Location")).isEmpty();
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("no code exchanged").isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");

        assertThat(Journey.callback(genuine).outcome()).isEqualTo("COMPLETED");
    }

    @Test
    void callbackWithTheRightStateButAnotherFlowIdIsRefusedAndTheFlowKeepsWaiting() {
        Journey journey = Journey.newUser("mixup");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        Journey.Flow other = journey.start("ONGOING_ACCESS");
        URI genuine = Journey.approve(flow.widgetUrl());
        String otherProviderFlowId = Http.query(Journey.approve(other.widgetUrl())).get("flow_id");
        Map<String, String> mixed = new LinkedHashMap<>(Http.query(genuine));
        assertThat(otherProviderFlowId).isNotEqualTo(mixed.get("flow_id"));
        mixed.put("flow_id", otherProviderFlowId);

        Sandbox.Stats before = Sandbox.stats();
        Http.Response refused = GatewayClient.anonymous(Http.request("/callback?" + Http.form(mixed)).GET());
        Sandbox.Stats after = Sandbox.stats();

        JsonObject problem = refused.expectProblem(400, "invalid-callback");
        assertThat(problem.getString("detail", "")).isNotBlank();
        assertThat(before.nrichDelta(after, Sandbox.EXCHANGE)).as("no code exchanged").isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");
        assertThat(journey.flowStatus(other.id())).isEqualTo("AWAITING_USER");
    }

    @Test
    void aBrowserThatBringsARefusedCallbackIsShownAPageAndEveryOtherClientTheProblem() {
        String forged = "/callback/nrich?state=" + randomState() + "&success=true&code=forged-code-5c1e";

        Http.Response page = GatewayClient.anonymous(Http.request(forged)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET());
        Http.Response problem = GatewayClient.anonymous(Http.request(forged).GET());

        page.expect(400);
        assertThat(page.header("Content-Type").orElse("")).as(page.describe()).startsWith("text/html");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("<h1>Callback refused</h1>").contains("start a new flow")
                .doesNotContain("forged-code-5c1e");
        assertThat(page.header("Vary").orElse("")).contains("Accept");
        assertThat(page.header("Cache-Control")).contains("no-store");
        problem.expectProblem(400, "invalid-callback");
        assertThat(problem.header("Vary").orElse("")).contains("Accept");
    }

    @Test
    void callbackWithoutAnyStateIsRefused() {
        GatewayClient.anonymous(Http.request("/callback?success=true&code=abc&flow_id=x").GET()).expectProblem(400, "invalid-callback");
    }

    private static String randomState() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
