package io.consentgateway.it;

import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider failing: the gateway answers a retryable 503 problem, and recovers when the provider does. */
class ProviderFaultIT {

    @Test
    void providerOutageOnAccountsAnswers503WithRetryAfterAndDataReturnsAfterwards() {
        Journey journey = Journey.newUser("outage");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        try {
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":503,\"latencyMs\":0,"
                    + "\"rate\":1.0,\"afterProcessing\":false}");
            Http.Response response = journey.accounts(consentId);
            JsonObject problem = response.expectProblem(503, "provider-unavailable");
            assertThat(response.header("Retry-After").orElse("")).as(response.describe()).matches("[1-9][0-9]*");
            assertThat(problem.getString("detail", "")).isNotBlank();
            // An outage is not the user's fault: the consent stays as it was.
            assertThat(journey.consent(consentId).getString("status")).isEqualTo("ACTIVE");
        } finally {
            Sandbox.clearFaults();
        }
        assertThat(journey.accounts(consentId).status()).isEqualTo(200);
    }
}
