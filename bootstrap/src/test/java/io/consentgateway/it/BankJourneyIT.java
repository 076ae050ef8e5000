package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import io.consentgateway.it.support.Secrets;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second provider end to end: the bank (tatrabanka) through the same API as nrich. Its authorize page is the
 * widget, the user approves or denies there, the browser comes back to the bank's own callback, and the consent reads
 * accounts and every transaction through the gateway's cursor. Token calls are counted at the sandbox's bank.
 */
class BankJourneyIT {
    static final String EXCHANGE = "POST /auth/oauth/v2/token authorization_code";
    static final String BANK_AUTHORIZE = Http.BASE + "/sandbox/bank/auth/oauth/v2/authorize";

    @Test
    void anOngoingAccessAtTheBankStartsOnItsAuthorizePageWithPkceAndTheBanksOwnCallback() {
        Journey journey = Journey.newUser("bank-start");

        Journey.Flow flow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");

        assertThat(flow.widgetUrl()).startsWith(BANK_AUTHORIZE + "?");
        Map<String, String> query = Http.query(URI.create(flow.widgetUrl()));
        assertThat(query).containsEntry("response_type", "code").containsEntry("scope", "AISP")
                .containsEntry("client_id", "demo-bank-client").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", Http.BASE + "/callback/tatrabanka").containsKey("state");
        assertThat(query.get("code_challenge")).hasSize(43);
        assertThat(journey.flow(flow.id()).getString("provider")).isEqualTo("tatrabanka");
    }

    @Test
    void approveCallbackConsentAccountsAndEveryTransactionThroughTheCursor() {
        Journey journey = Journey.newUser("bank-journey");
        Journey.Flow flow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\",\"language\":\"en\"}");

        Sandbox.Stats before = Sandbox.stats();
        URI callbackUrl = decide(flow.widgetUrl(), "approve", journey.client().user());
        assertThat(callbackUrl.getPath()).isEqualTo("/callback/tatrabanka");
        Journey.Callback callback = Journey.callback(callbackUrl);
        Sandbox.Stats after = Sandbox.stats();

        assertThat(callback.outcome()).as(callback.response().describe()).isEqualTo("COMPLETED");
        assertThat(after.count("bank", EXCHANGE) - before.count("bank", EXCHANGE)).as("one exchange at the bank").isEqualTo(1);
        String consentId = journey.consentIdOf(flow.id());
        JsonObject consent = journey.consent(consentId);
        assertThat(consent.getString("provider")).isEqualTo("tatrabanka");
        assertThat(consent.getString("status")).isEqualTo("ACTIVE");

        JsonArray accounts = journey.accounts(consentId).expect(200).jsonArray();
        assertThat(accounts).isNotEmpty();
        assertThat(accounts.getJsonObject(0).getString("iban")).startsWith("SK");

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/consents/" + consentId + "/transactions?limit=500" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonObject page = journey.client().get(path).expect(200).json();
            page.getJsonArray("transactions").forEach(t -> {
                JsonObject tx = t.asJsonObject();
                assertThat(seen.add(tx.getString("accountId") + "/" + tx.getString("id"))).as("each transaction once").isTrue();
            });
            cursor = page.containsKey("nextCursor") && !page.isNull("nextCursor") ? page.getString("nextCursor") : null;
            pages++;
        } while (cursor != null && pages < 50);
        assertThat(cursor).as("the cursor ends").isNull();
        assertThat(seen.size()).as("the sandbox bank keeps at least 500 transactions per account").isGreaterThanOrEqualTo(500);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void denyingAtTheBankEndsTheFlowCancelledWithoutAnExchange() {
        Journey journey = Journey.newUser("bank-deny");
        Journey.Flow flow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");
        URI callbackUrl = decide(flow.widgetUrl(), "deny", journey.client().user());
        assertThat(Http.query(callbackUrl)).containsEntry("error", "access_denied").doesNotContainKey("code");

        Sandbox.Stats before = Sandbox.stats();
        Journey.Callback callback = Journey.callback(callbackUrl);
        Sandbox.Stats after = Sandbox.stats();

        assertThat(callback.outcome()).isEqualTo("CANCELLED");
        assertThat(after.count("bank", EXCHANGE) - before.count("bank", EXCHANGE)).isZero();
        assertThat(journey.flowStatus(flow.id())).isEqualTo("CANCELLED");
        assertThat(journey.consents()).isEmpty();
    }

    @Test
    void aRenewalAuthorizesAgainAtTheBankAndKeepsTheConsentThenARevocationEndsIt() {
        Journey journey = Journey.newUser("bank-renew");
        String consentId = connectAtTheBank(journey);

        JsonObject renewal = journey.client().post("/api/v1/consents/" + consentId + "/renewal", "{}").expect(201).json();
        assertThat(renewal.getString("widgetUrl")).startsWith(BANK_AUTHORIZE + "?");
        Journey.Callback renewed = Journey.callback(decide(renewal.getString("widgetUrl"), "approve", journey.client().user()));

        assertThat(renewed.outcome()).isEqualTo("COMPLETED");
        assertThat(journey.consentIdOf(renewal.getString("flowId"))).as("the renewal keeps the consent").isEqualTo(consentId);
        assertThat(journey.consents()).hasSize(1);
        journey.accounts(consentId).expect(200);

        journey.client().delete("/api/v1/consents/" + consentId).expect(204);
        assertThat(journey.consent(consentId).getString("status")).isEqualTo("REVOKED");
        journey.accounts(consentId).expect(409);
    }

    @Test
    void theBankOffersNoIncomeReportAndNoProviderOptionsAndEachRefusalNamesItsField() {
        GatewayClient client = GatewayClient.newUser("bank-bad");

        assertThat(client.post("/api/v1/flows", "{\"kind\":\"INCOME_REPORT\",\"provider\":\"tatrabanka\"}")
                .problemFields()).containsExactly("kind");
        assertThat(client.post("/api/v1/flows",
                "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\",\"providerOptions\":{\"trackingId\":\"x\"}}")
                .problemFields()).containsExactly("providerOptions.trackingId");
        assertThat(client.post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\",\"trackingId\":\"x\"}")
                .problemFields()).containsExactly("trackingId");
        assertThat(client.post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"nosuchbank\"}")
                .problemFields()).containsExactly("provider");
        assertThat(client.post("/api/v1/flows",
                "{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"nrich\",\"providerOptions\":{\"saveSecrets\":\"yes\"}}")
                .problemFields()).containsExactly("providerOptions.saveSecrets");
    }

    @Test
    void theProvidersAreListedWithWhatEachOffers() {
        JsonArray providers = GatewayClient.newUser("providers").get("/api/v1/providers").expect(200).jsonArray();

        assertThat(providers.getJsonObject(0).getString("id")).isEqualTo("nrich");
        assertThat(providers.getJsonObject(0).getBoolean("isDefault")).isTrue();
        assertThat(providers.stream().map(p -> p.asJsonObject().getString("id"))).contains("tatrabanka");
    }

    /** The user decides on the bank's consent page: its 303 back to the gateway's callback for the bank. */
    static URI decide(String authorizeUrl, String action, String user) {
        Http.Response page = Http.get(authorizeUrl).expect(200);
        assertThat(page.body()).contains("id=\"approve\"").contains("id=\"deny\"");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("user", user);
        form.put("action", action);
        URI callback = Http.postForm(authorizeUrl, form).expect(303).location();
        Http.query(callback).computeIfPresent("code", (k, code) -> {
            Secrets.remember(code);
            return code;
        });
        return callback;
    }

    static String connectAtTheBank(Journey journey) {
        Journey.Flow flow = journey.startWith("{\"kind\":\"ONGOING_ACCESS\",\"provider\":\"tatrabanka\"}");
        Journey.Callback callback = Journey.callback(decide(flow.widgetUrl(), "approve", journey.client().user()));
        assertThat(callback.outcome()).as(callback.response().describe()).isEqualTo("COMPLETED");
        return journey.consentIdOf(flow.id());
    }
}
