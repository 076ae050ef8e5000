package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9700 §4.4 mix-up defence: each provider has its own callback, and a callback is accepted only at its flow's
 * provider's. Refusals are tested in both directions, with no token call at either provider, and the flow still
 * completes afterwards at its own endpoint.
 */
class MixUpDefenceIT {
    static final String NRICH_EXCHANGE = Sandbox.EXCHANGE;
    static final String BANK_EXCHANGE = BankJourneyIT.EXCHANGE;

    @Test
    void aBankFlowsCallbackBroughtToNrichsEndpointIsRefusedWithoutAnyTokenCall() {
        Journey journey = Journey.newUser("mixup-bank");
        Journey.Flow flow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");
        URI genuine = BankJourneyIT.decide(flow.widgetUrl(), "approve", journey.client().user());
        Map<String, String> query = Http.query(genuine);

        Sandbox.Stats before = Sandbox.stats();
        Http.Response atNrich = GatewayClient.anonymous(Http.request("/callback?" + Http.form(query)).GET());
        Sandbox.Stats after = Sandbox.stats();

        atNrich.expectProblem(400, "invalid-callback");
        assertThat(tokenCalls(before, after)).as("no token call anywhere").isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");
        assertThat(Journey.callback(genuine).outcome()).as("the genuine callback still completes").isEqualTo("COMPLETED");
    }

    @Test
    void anNrichFlowsCallbackBroughtToTheBanksEndpointIsRefusedWithoutAnyTokenCall() {
        Journey journey = Journey.newUser("mixup-nrich");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI genuine = Journey.approve(flow.widgetUrl());
        Map<String, String> query = Http.query(genuine);

        Sandbox.Stats before = Sandbox.stats();
        Http.Response atBank = GatewayClient.anonymous(Http.request("/callback/tatrabanka?" + Http.form(query)).GET());
        Http.Response atNrichsOwnPath = GatewayClient.anonymous(Http.request("/callback/nrich?" + Http.form(query)).GET());
        Sandbox.Stats after = Sandbox.stats();

        atBank.expectProblem(400, "invalid-callback");
        assertThat(atNrichsOwnPath.status()).as("nrich's own per-provider path takes it: " + atNrichsOwnPath.describe())
                .isEqualTo(303);
        assertThat(after.count("bank", BANK_EXCHANGE) - before.count("bank", BANK_EXCHANGE)).isZero();
        assertThat(after.nrich(NRICH_EXCHANGE) - before.nrich(NRICH_EXCHANGE)).as("only the accepted one exchanged").isEqualTo(1);
        assertThat(journey.flowStatus(flow.id())).isEqualTo("COMPLETED");
    }

    @Test
    void aCallbackForAProviderThatIsNotInstalledIsNotFoundAndChangesNothing() {
        Journey journey = Journey.newUser("mixup-unknown");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        Map<String, String> query = Http.query(Journey.approve(flow.widgetUrl()));

        Sandbox.Stats before = Sandbox.stats();
        Http.Response unknown = GatewayClient.anonymous(Http.request("/callback/nosuchbank?" + Http.form(query)).GET());
        Http.Response malformed = GatewayClient.anonymous(Http.request("/callback/NO%20SUCH?" + Http.form(query)).GET());
        Sandbox.Stats after = Sandbox.stats();

        unknown.expectProblem(404, "not-found");
        malformed.expectProblem(404, "not-found");
        assertThat(tokenCalls(before, after)).isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");
    }

    @Test
    void aRepeatedCallbackParameterIsRefused() {
        Journey journey = Journey.newUser("mixup-repeat");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        URI genuine = Journey.approve(flow.widgetUrl());

        Http.Response repeated = GatewayClient.anonymous(Http.request(genuine + "&code=another").GET());

        repeated.expectProblem(400, "invalid-callback");
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");
    }

    private static long tokenCalls(Sandbox.Stats before, Sandbox.Stats after) {
        return after.nrich(NRICH_EXCHANGE) - before.nrich(NRICH_EXCHANGE)
                + after.count("bank", BANK_EXCHANGE) - before.count("bank", BANK_EXCHANGE);
    }
}
