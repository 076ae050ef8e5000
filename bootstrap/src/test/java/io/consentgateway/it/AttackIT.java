package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of RFC 9700 (OAuth 2.0 security BCP) and OWASP ASVS (V5 input, V13 API) tried against the running
 * gateway: forged and replayed state, a code injected into another user's flow, open redirects through
 * {@code returnTo}, CR/LF and markup in reflected parameters, wrong content types. (Mix-up between providers:
 * {@link MixUpDefenceIT}; widget links passed to a victim: {@link CallbackConfirmationIT}; oversized and wrongly typed
 * bodies: {@link ValidationIT}.)
 */
class AttackIT {

    @Test
    void aForgedStateIsRefusedAndReachesNoProvider() {
        Sandbox.Stats before = Sandbox.stats();

        for (String state : new String[] {"forged", "A".repeat(43), "", "%00", "' OR 1=1 --"}) {
            Http.Response refused = GatewayClient.anonymous(Http.request("/callback?" + Http.form(Map.of(
                    "state", state, "success", "true", "code", "stolen", "flow_id", "x"))).GET());
            assertThat(refused.status()).as(refused.describe()).isEqualTo(400);
        }

        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).isZero();
    }

    @Test
    void aReplayedCallbackExchangesNothingMoreAndAnswersTheSameOutcome() {
        Journey journey = Journey.newUser("replay");
        URI callback = Journey.approve(journey.start("ONGOING_ACCESS").widgetUrl());
        Journey.Callback first = Journey.callback(callback);
        Sandbox.Stats before = Sandbox.stats();

        Journey.Callback replay = Journey.callback(callback);

        assertThat(replay.outcome()).isEqualTo(first.outcome()).isEqualTo("COMPLETED");
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).isZero();
        assertThat(journey.consents()).hasSize(1);
    }

    @Test
    void anotherFlowsCodeUnderAFlowsStateIsRefusedByNrichsFlowId() {
        Journey victim = Journey.newUser("victim");
        Journey attacker = Journey.newUser("attacker");
        Map<String, String> victims = Http.query(Journey.approve(victim.start("ONGOING_ACCESS").widgetUrl()));
        URI attackersCallback = Journey.approve(attacker.start("ONGOING_ACCESS").widgetUrl());
        Map<String, String> attackers = Http.query(attackersCallback);
        Sandbox.Stats before = Sandbox.stats();

        // Code injection (RFC 9700 §4.5) with a leaked state: the attacker's code and flow_id under the victim's state.
        Map<String, String> injected = new LinkedHashMap<>(victims);
        injected.put("code", attackers.get("code"));
        injected.put("flow_id", attackers.get("flow_id"));
        Http.Response refused = GatewayClient.anonymous(Http.request("/callback?" + Http.form(injected)).GET());

        assertThat(refused.status()).as(refused.describe()).isEqualTo(400);
        assertThat(before.nrichDelta(Sandbox.stats(), Sandbox.EXCHANGE)).isZero();
        assertThat(victim.consents()).isEmpty();
        assertThat(Journey.callback(attackersCallback).outcome()).as("the attacker's own flow is untouched").isEqualTo("COMPLETED");
    }

    @Test
    void anotherFlowsCodeInjectedIntoABankFlowIsRefusedByPkce() {
        Journey victim = Journey.newUser("bank-victim");
        Journey attacker = Journey.newUser("bank-attacker");
        Journey.Flow victimsFlow = victim.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");
        Map<String, String> victims = Http.query(BankJourneyIT.decide(victimsFlow.widgetUrl(), "approve", victim.client().user()));
        Map<String, String> attackers = Http.query(BankJourneyIT.decide(
                attacker.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}").widgetUrl(), "approve",
                attacker.client().user()));

        Map<String, String> injected = new LinkedHashMap<>(victims);
        injected.put("code", attackers.get("code"));
        Journey.Callback callback = Journey.callback(Http.uri("/callback/tatrabanka?" + Http.form(injected)));

        assertThat(callback.outcome()).as("the bank checks the code against the victim's PKCE verifier").isEqualTo("FAILED");
        assertThat(callback.reason()).isEqualTo("exchange_rejected");
        assertThat(victim.consents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example/", "\\\\evil.example/", "javascript:alert(1)", "http:/evil.example/", "http:evil.example",
            "http://evil.example/", "https://localhost/", "http://user:pass@localhost:{port}/", "http://localhost:{port}@evil.example/",
            "http://localhost:{port}/%2e%2e/%2e%2e/evil",
            "http://localhost:{port}/..%2f..%2fevil", "http://localhost.evil.example:{port}/", "http://xn--lcalhost-l4a:{port}/",
            "http://lоcalhost:{port}/", "data:text/html,<script>alert(1)</script>", "http://localhost:{port}\\@evil.example/",
            "  //evil.example", "http://[::1]:{port}/", "http://127.0.0.1:{port}/"})
    void aReturnToOffTheAllowListIsRefusedNamingTheField(String template) {
        String port = String.valueOf(URI.create(Http.BASE).getPort());
        String returnTo = template.replace("{port}", port);
        Journey journey = Journey.newUser("redirect");
        String body = jakarta.json.Json.createObjectBuilder().add("kind", "ONGOING_ACCESS").add("returnTo", returnTo)
                .build().toString();

        Http.Response response = journey.client().post("/api/v1/flows", body);

        assertThat(response.status()).as(returnTo + " -> " + response.describe()).isEqualTo(400);
        assertThat(response.problemFields()).contains("returnTo");
    }

    @Test
    void crLfAndMarkupInReflectedParametersNeverReachAHeaderOrAPage() {
        Journey journey = Journey.newUser("reflect");
        String evil = "x\r\nSet-Cookie: owned=1\r\n\r\n<script>alert(1)</script>";

        Http.Response option = journey.client().post("/api/v1/flows", jakarta.json.Json.createObjectBuilder()
                .add("kind", "ONGOING_ACCESS").add("providerOptions", jakarta.json.Json.createObjectBuilder().add(evil, "1"))
                .build().toString());
        Http.Response callback = GatewayClient.anonymous(Http.request("/callback?" + Http.form(Map.of(
                "state", evil, "error", evil, "flow_id", evil))).GET());
        Http.Response language = journey.client().post("/api/v1/flows", jakarta.json.Json.createObjectBuilder()
                .add("kind", "ONGOING_ACCESS").add("language", evil).build().toString());

        for (Http.Response response : new Http.Response[] {option, callback, language}) {
            assertThat(response.status()).as(response.describe()).isEqualTo(400);
            assertThat(response.header("Set-Cookie")).as("no header injected").isEmpty();
            assertThat(response.header("Content-Type").orElse("")).startsWith(Http.PROBLEM_JSON);
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.body()).as("no raw line break or markup reflected").doesNotContain("\r\n").doesNotContain("<script>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aBodyOfAnotherMediaTypeIsRefusedAndStartsNothing(String contentType) {
        Journey journey = Journey.newUser("media");
        Sandbox.Stats before = Sandbox.stats();

        Http.Response response = journey.client().send(Http.request("/api/v1/flows").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"ONGOING_ACCESS\"}")));

        assertThat(response.status()).as(response.describe()).isEqualTo(415);
        assertThat(response.header("Content-Type").orElse("")).startsWith(Http.PROBLEM_JSON);
        assertThat(before.postsButRefreshes(Sandbox.stats())).isZero();
    }
}
