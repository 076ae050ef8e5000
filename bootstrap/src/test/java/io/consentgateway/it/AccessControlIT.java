package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call what: bearer tokens, other users' consents and flows, and the security headers of the API. */
class AccessControlIT {

    @Test
    void anotherUsersConsentAndFlowAnswer404ExactlyLikeMissingOnes() {
        Journey alice = Journey.newUser("alice");
        Journey.Connected connected = alice.connect("ONGOING_ACCESS");
        GatewayClient bob = GatewayClient.newUser("bob");
        String foreign = connected.consentId();
        String missing = UUID.randomUUID().toString();

        List<Function<String, Http.Response>> consentCalls = List.of(
                id -> bob.get("/api/v1/consents/" + id),
                id -> bob.get("/api/v1/consents/" + id + "/accounts"),
                id -> bob.get("/api/v1/consents/" + id + "/transactions?limit=10"),
                id -> bob.get("/api/v1/consents/" + id + "/income-report"),
                id -> bob.post("/api/v1/consents/" + id + "/renewal", "{}"),
                id -> bob.delete("/api/v1/consents/" + id));
        for (Function<String, Http.Response> call : consentCalls) {
            JsonObject foreignProblem = call.apply(foreign).expectProblem(404, "not-found");
            JsonObject missingProblem = call.apply(missing).expectProblem(404, "not-found");
            assertThat(foreignProblem).as("a foreign id must be indistinguishable from a missing one").isEqualTo(missingProblem);
        }
        JsonObject foreignFlow = bob.get("/api/v1/flows/" + connected.flowId()).expectProblem(404, "not-found");
        JsonObject missingFlow = bob.get("/api/v1/flows/" + UUID.randomUUID()).expectProblem(404, "not-found");
        assertThat(foreignFlow).isEqualTo(missingFlow);
        assertThat(bob.get("/api/v1/consents").expect(200).jsonArray()).isEmpty();

        // Bob's attempts changed nothing for Alice.
        assertThat(alice.consent(foreign).getString("status")).isEqualTo("ACTIVE");
        assertThat(alice.accounts(foreign).status()).isEqualTo(200);
    }

    @Test
    void theUserIsTheTokensSubjectSoTwoTokensSharingAUpnSeeEachTheirOwnConsents() {
        String sharedName = Sandbox.uniqueUser("shared-upn");
        GatewayClient first = GatewayClient.withName(Sandbox.uniqueUser("subject-a"), sharedName);
        GatewayClient second = GatewayClient.withName(Sandbox.uniqueUser("subject-b"), sharedName);
        Journey firstJourney = new Journey(first);
        String consentId = firstJourney.connect("ONGOING_ACCESS").consentId();

        assertThat(first.get("/api/v1/consents").expect(200).jsonArray()).hasSize(1);
        assertThat(second.get("/api/v1/consents").expect(200).jsonArray()).isEmpty();
        second.get("/api/v1/consents/" + consentId).expectProblem(404, "not-found");
    }

    @Test
    void aTokenWithoutSubjectIsRefused() {
        GatewayClient nobody = GatewayClient.withoutSubject(Sandbox.uniqueUser("no-sub"));

        nobody.get("/api/v1/consents").expectProblem(401, "unauthorized");
    }

    @Test
    void withoutBearerTokenTheApiAnswers401Problem() {
        for (String path : List.of("/api/v1/consents", "/api/v1/consents/" + UUID.randomUUID() + "/accounts",
                "/api/v1/flows/" + UUID.randomUUID(), "/api/v1/admin/webhooks/deliveries")) {
            Http.Response response = GatewayClient.anonymous(Http.request(path).GET());
            response.expectProblem(401, "unauthorized");
            assertThat(response.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        }
        GatewayClient.anonymous(Http.request("/api/v1/flows").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"ONGOING_ACCESS\"}")))
                .expectProblem(401, "unauthorized");
        for (String path : List.of("/api/v1/consents", "/api/v1/admin/webhooks/deliveries")) {
            Http.Response refused = GatewayClient.anonymous(Http.request(path).header("Authorization", "Bearer not-a-jwt").GET());
            refused.expectProblem(401, "unauthorized");
            assertThat(refused.header("WWW-Authenticate")).as("RFC 6750: the token came and was refused")
                    .contains("Bearer error=\"invalid_token\"");
        }
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        GatewayClient user = GatewayClient.newUser("headers");
        List<Http.Response> responses = List.of(
                user.get("/api/v1/consents").expect(200),
                user.get("/api/v1/consents/" + UUID.randomUUID()).expect(404),
                user.post("/api/v1/flows", "{}").expect(400),
                GatewayClient.anonymous(Http.request("/api/v1/consents").GET()).expect(401));
        for (Http.Response response : responses) {
            assertThat(response.header("Strict-Transport-Security").orElse("")).as(response.describe()).contains("max-age=");
            assertThat(response.header("X-Content-Type-Options")).as(response.describe()).contains("nosniff");
            assertThat(response.header("Content-Security-Policy").orElse("")).as(response.describe())
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(response.header("Cache-Control").orElse("")).as(response.describe()).contains("no-store");
        }
    }

    @Test
    void responsesLibertyServesItselfCarryTheTransportHeadersToo() {
        for (String path : List.of("/health/ready", "/openapi")) {
            Http.Response response = Http.get(path).expect(200);
            assertThat(response.header("Strict-Transport-Security").orElse("")).as(response.describe()).contains("max-age=");
            assertThat(response.header("X-Content-Type-Options")).as(response.describe()).contains("nosniff");
            assertThat(response.header("Referrer-Policy")).as(response.describe()).contains("no-referrer");
        }
    }
}
