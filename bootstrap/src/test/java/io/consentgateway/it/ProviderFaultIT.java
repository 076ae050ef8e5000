package io.consentgateway.it;

import io.consentgateway.it.support.GatewayDatabase;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider failing while a read needs it (nothing of the consent is stored yet: the first sync's data is deleted
 * first): the gateway answers a retryable 503 problem, and recovers when the provider does. With data stored, a read
 * answers from the store instead (DataStoreIT).
 */
class ProviderFaultIT {

    @Test
    void providerOutageOnAccountsAnswers503WithRetryAfterAndDataReturnsAfterwards() {
        Journey journey = Journey.newUser("outage");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        GatewayDatabase.forgetStoredData(consentId);
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

    @Test
    void aProviderRefusingThisGatewayCostsNoConsentIsReportedOnReadinessAndPassesWhenFixed() {
        Journey journey = Journey.newUser("operator-mistake");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        GatewayDatabase.forgetStoredData(consentId);
        Sandbox.Stats before = Sandbox.stats();
        try {
            // The access token refused on the data call, and the refresh refused with 401: what a rotated client secret
            // looks like from here.
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":401}");
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":401}");

            journey.accounts(consentId).expectProblem(503, "provider-misconfigured");

            assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.REFRESH)).as("the refresh was tried").isPositive();
            assertThat(journey.consent(consentId).getString("status")).as("an operator's mistake costs no consent")
                    .isEqualTo("ACTIVE");
            Http.Response ready = Http.get("/health/ready");
            assertThat(ready.status()).as(ready.describe()).isEqualTo(503);
            assertThat(ready.body()).contains("\"provider-configuration\"").contains("\"nrich\"");
        } finally {
            Sandbox.clearFaults();
        }
        assertThat(journey.accounts(consentId).status()).as("fixed: the data comes again").isEqualTo(200);
        assertThat(Http.get("/health/ready").status()).as("and readiness is UP again").isEqualTo(200);
    }

    @Test
    void aRefreshWhoseAnswerWasLostIsShownInDoubtAndTheNextAttemptSettlesIt() {
        Journey journey = Journey.newUser("in-doubt");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        GatewayDatabase.forgetStoredData(consentId);
        Sandbox.Stats before = Sandbox.stats();
        try {
            // The data call refuses the access token, so the gateway refreshes; the refresh is received and answered
            // 504 before nrich acted on it: the gateway cannot know that, so it is in doubt.
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":401}");
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":504}");

            journey.accounts(consentId).expectProblem(503, "provider-unavailable");

            JsonObject inDoubt = journey.consent(consentId);
            assertThat(inDoubt.getString("status")).isEqualTo("ACTIVE");
            assertThat(inDoubt.getString("refreshInDoubtSince", "")).as(inDoubt.toString()).isNotBlank();
        } finally {
            Sandbox.clearFaults();
        }
        // The refresh token was not spent: the scheduler's one more attempt succeeds and ends the doubt, without
        // waiting for the user to come back (it is due cg.policy.settle-in-doubt-after after the lost answer, 5 s on this
        // server, which runs the scheduler every 5 s).
        JsonObject settled = settledWithinAMinute(journey, consentId);
        assertThat(settled.getString("status")).isEqualTo("ACTIVE");
        assertThat(settled.getString("lastRefreshedAt", "")).as("settled by a refresh: " + settled).isNotBlank();
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.REFRESH)).as("the lost refresh and the one that settled it")
                .isGreaterThanOrEqualTo(2);
        assertThat(journey.accounts(consentId).status()).isEqualTo(200);
    }

    @Test
    void aRefreshWhoseAnswerWasLostAfterTheProviderRotatedTheTokenEndsAsRefreshLost() {
        Journey journey = Journey.newUser("refresh-lost");
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        GatewayDatabase.forgetStoredData(consentId);
        try {
            // This time nrich carries the refresh out (the old refresh token is spent) and the answer is lost.
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":401}");
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/auth/token\",\"status\":504,"
                    + "\"afterProcessing\":true}");
            journey.accounts(consentId).expectProblem(503, "provider-unavailable");
        } finally {
            Sandbox.clearFaults();
        }

        // The scheduler's one more attempt presents the spent token: refused, so the refresh was lost.
        JsonObject lost = settledWithinAMinute(journey, consentId);
        assertThat(lost.getString("status")).isEqualTo("REAUTH_REQUIRED");
        assertThat(lost.getString("reason", "")).as(lost.toString()).isEqualTo("REFRESH_LOST");
        assertThat(lost.getString("nextAction")).isEqualTo("RENEW");
        journey.accounts(consentId).expectProblem(409, "consent-not-usable");
    }

    /** Polls the consent until no refresh of it is in doubt any more (the scheduler runs every 5 s on this server). */
    private static JsonObject settledWithinAMinute(Journey journey, String consentId) {
        JsonObject consent = journey.consent(consentId);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (consent.containsKey("refreshInDoubtSince") && System.nanoTime() < deadline) {
            sleep(1_000);
            consent = journey.consent(consentId);
        }
        assertThat(consent.containsKey("refreshInDoubtSince")).as("settled within a minute: " + consent).isFalse();
        return consent;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
