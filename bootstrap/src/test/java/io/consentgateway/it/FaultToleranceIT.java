package io.consentgateway.it;

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
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":500,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":false}");

        journey.client().get("/api/v1/consents/" + connected.consentId() + "/accounts")
                .expectProblem(503, "provider-unavailable");

        assertThat(before.nrichDelta(Sandbox.stats(), ACCOUNTS)).as("one call and two retries").isEqualTo(3);
    }

    @Test
    void aProviderAskingToWaitIsNotRetriedButTheWaitIsPassedOn() {
        Journey journey = Journey.newUser("ft-busy");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":503,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":false}"); // the sandbox answers 503 with Retry-After: 1

        var response = journey.client().get("/api/v1/consents/" + connected.consentId() + "/accounts");

        response.expectProblem(503, "provider-unavailable");
        assertThat(response.header("Retry-After")).isPresent();
        assertThat(before.nrichDelta(Sandbox.stats(), ACCOUNTS)).as("no retry against Retry-After").isEqualTo(1);
    }

    @Test
    void aCodeExchangeIsNeverRetriedEvenWhenTheProviderFails() {
        Journey journey = Journey.newUser("ft-exchange");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        var callbackUrl = Journey.approve(flow.widgetUrl());
        Sandbox.Stats before = Sandbox.stats();
        Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":503,\"latencyMs\":0,\"rate\":1.0,"
                + "\"afterProcessing\":true}");

        Journey.Callback callback = Journey.callback(callbackUrl);

        assertThat(callback.outcome()).isEqualTo("FAILED");
        assertThat(callback.reason()).isEqualTo("provider_unavailable");
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).as("exactly one exchange").isEqualTo(1);
        assertThat(journey.flowStatus(flow.id())).isEqualTo("FAILED");
    }
}
