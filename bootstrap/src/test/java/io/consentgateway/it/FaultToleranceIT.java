package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.GatewayDatabase;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MicroProfile Fault Tolerance is active on Liberty: reads are retried a bounded number of times (but not against a
 * provider's Retry-After), a code exchange never (the code is single use). Counted at the sandbox, which sees every
 * attempt.
 */
class FaultToleranceIT {
    private static final String ACCOUNTS = "GET /rest/accounts";

    @AfterEach
    void clearFaults() {
        Sandbox.clearFaults();
    }

    @Test
    void aFailingReadIsRetriedTwiceThenReportedAsUnavailable() {
        Journey journey = Journey.newUser("ft-read");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        GatewayDatabase.forgetStoredData(connected.consentId()); // so the read needs the provider
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":500,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":false}");

        journey.client().get("/api/v1/consents/" + connected.consentId() + "/accounts")
                .expectProblem(503, "provider-unavailable");

        assertThat(before.nrichDelta(Sandbox.stats(), ACCOUNTS)).as("one call and two retries").isEqualTo(3);
    }

    @Test
    void aProviderAskingToWaitIsAskedAgainOnlyAfterItsWaitWithinThePatienceThenTheWaitIsPassedOn() {
        Journey journey = Journey.newUser("ft-busy");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        GatewayDatabase.forgetStoredData(connected.consentId()); // so the read needs the provider
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":503,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":false}"); // the sandbox answers 503 with Retry-After: 1

        long started = System.nanoTime();
        var response = journey.client().get("/api/v1/consents/" + connected.consentId() + "/accounts");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        response.expectProblem(503, "provider-unavailable");
        assertThat(response.header("Retry-After")).isPresent();
        long calls = before.nrichDelta(Sandbox.stats(), ACCOUNTS);
        // The adapter never repeats a 503 itself; the gateway waits at least the second nrich asks for between attempts,
        // for as long as its patience (4 s on this server) lasts.
        assertThat(calls).as("asked again, never sooner than Retry-After").isBetween(2L, 5L);
        assertThat(tookMillis).as("at least one wait of Retry-After per repeat").isGreaterThanOrEqualTo(1000L * (calls - 1));
    }

    @Test
    void aCodeExchangeThatMayHaveReachedTheProviderIsNeverRetried() {
        Journey journey = Journey.newUser("ft-exchange");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        var callbackUrl = Journey.approve(flow.widgetUrl());
        Sandbox.Stats before = Sandbox.stats();
        // A 502 after nrich processed the exchange: the gateway cannot know whether the code was spent.
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":502,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":true}");

        Journey.Callback callback = Journey.callback(callbackUrl);

        assertThat(callback.outcome()).isEqualTo("FAILED");
        assertThat(callback.reason()).isEqualTo("provider_unavailable");
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("exactly one exchange").isEqualTo(1);
        assertThat(journey.flowStatus(flow.id())).isEqualTo("FAILED");
    }

    @Test
    void anExchangeTheProviderDeclinedWithA503WaitsAndTheSameCallbackCompletesTheFlowLater() {
        Journey journey = Journey.newUser("ft-declined");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        var callbackUrl = Journey.approve(flow.widgetUrl());
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":503,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":false}");

        Http.Response busy = GatewayClient.anonymous(Http.request(callbackUrl.toString()).GET());

        assertThat(busy.status()).as(busy.describe()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isPresent();
        assertThat(busy.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(busy.body()).contains("http-equiv=\"refresh\"").doesNotContain(flow.id());
        assertThat(journey.flowStatus(flow.id())).as("the code was never spent").isEqualTo("AWAITING_USER");
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("asked a few times, always declined").isPositive();

        Sandbox.clearFaults();
        Journey.Callback repeated = Journey.callback(callbackUrl);

        assertThat(repeated.outcome()).as("the same callback, repeated by the browser").isEqualTo("COMPLETED");
    }
}
