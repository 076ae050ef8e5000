package io.consentgateway.it;

import io.consentgateway.it.support.GatewayDatabase;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.consentgateway.it.support.JsonSupport.string;
import static org.assertj.core.api.Assertions.assertThat;

/** Whole journeys through the API, the sandbox widget and the callback, one per consent kind and lifecycle step. */
class JourneyIT {

    @Test
    void ongoingAccessJourneyEndsInAnActiveConsentWithAccountsAndAllTransactionsPaged() {
        Journey journey = Journey.newUser("ongoing");
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        assertThat(journey.flowStatus(flow.id())).isEqualTo("AWAITING_USER");

        Journey.Callback callback = Journey.callback(Journey.approve(flow.widgetUrl()));
        assertThat(callback.outcome()).isEqualTo("COMPLETED");
        assertThat(callback.flowId()).isEqualTo(flow.id());
        assertThat(callback.reason()).isNull();

        JsonArray consents = journey.consents();
        assertThat(consents).hasSize(1);
        JsonObject consent = consents.getJsonObject(0);
        assertThat(consent.getString("kind")).isEqualTo("ONGOING_ACCESS");
        assertThat(consent.getString("status")).isEqualTo("ACTIVE");
        assertThat(consent.getString("nextAction")).isEqualTo("NONE");
        assertThat(consent.getString("provider")).isEqualTo("nrich");
        String consentId = consent.getString("id");
        assertThat(journey.consent(consentId).getString("status")).isEqualTo("ACTIVE");

        JsonArray accounts = journey.accounts(consentId).expect(200).jsonArray();
        assertThat(accounts).isNotEmpty();
        for (JsonValue account : accounts) {
            assertThat(string(account.asJsonObject(), "iban")).as(account.toString()).matches("DE\\d{20}");
            assertThat(string(account.asJsonObject(), "id")).isNotBlank();
        }

        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/consents/" + consentId + "/transactions?limit=250" + (cursor == null ? "" : "&cursor=" + Http.encode(cursor));
            JsonObject page = journey.client().get(path).expect(200).json();
            JsonArray transactions = page.getJsonArray("transactions");
            assertThat(transactions.size()).isBetween(cursor == null ? 1 : 0, 250);
            transactions.forEach(t -> ids.add(t.asJsonObject().getString("id")));
            cursor = string(page, "nextCursor");
            pages++;
            assertThat(pages).as("paging must end").isLessThan(100);
        } while (cursor != null);
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).as("no transaction on two pages").hasSize(ids.size());
        assertThat(ids.size()).as("transactions over " + pages + " pages").isGreaterThanOrEqualTo(500);
        assertThat(pages).isGreaterThan(1);

        JsonObject finished = journey.flow(flow.id());
        assertThat(finished.getString("status")).isEqualTo("COMPLETED");
        assertThat(finished.getString("consentId")).isEqualTo(consentId);
        assertThat(finished.getString("kind")).isEqualTo("ONGOING_ACCESS");
    }

    @Test
    void oneTimeAccessOutlivesTheProvidersHourInItsSnapshotWithoutAnyRefresh() {
        Journey journey = Journey.newUser("onetime");
        Journey.Connected connected = journey.connect("ONE_TIME_ACCESS");
        assertThat(journey.consent(connected.consentId()).getString("kind")).isEqualTo("ONE_TIME_ACCESS");
        String accounts = journey.accounts(connected.consentId()).expect(200).body();

        Sandbox.Stats before = Sandbox.stats();
        Sandbox.advanceClock(3601);
        GatewayDatabase.makeStale(connected.consentId()); // the next read tries a sync: the provider has deleted the data
        String afterTheHour = journey.accounts(connected.consentId()).expect(200).body();
        Sandbox.Stats after = Sandbox.stats();

        assertThat(afterTheHour).as("served from the snapshot").isEqualTo(accounts);
        JsonObject consent = journey.consent(connected.consentId());
        assertThat(consent.getString("status")).as("the provider's access has ended").isEqualTo("EXPIRED");
        assertThat(consent.getJsonObject("data").getString("retainedUntil", "")).isNotBlank();
        assertThat(before.nrichDelta(after, Sandbox.REFRESH)).as("a one-time access is never refreshed").isZero();
    }

    @Test
    void incomeReportConsentServesItsReportAndAnOngoingConsentRefusesIt() {
        Journey journey = Journey.newUser("income");
        Journey.Connected report = journey.connect("INCOME_REPORT");

        JsonObject body = journey.client().get("/api/v1/consents/" + report.consentId() + "/income-report").expect(200).json();
        JsonObject income = body.getJsonObject("income");
        assertThat(income).as(body.toString()).isNotNull();
        assertThat(income.getJsonNumber("total").bigDecimalValue()).isGreaterThan(BigDecimal.ZERO);
        assertThat(income.getJsonNumber("average").bigDecimalValue()).isGreaterThan(BigDecimal.ZERO);
        assertThat(income.getInt("count")).isPositive();
        assertThat(body.getJsonArray("incomeStreams")).isNotEmpty();
        assertThat(body.getJsonObject("disposableIncome")).isNotNull();
        assertThat(string(body, "periodFrom")).isNotBlank();

        Journey.Connected ongoing = journey.connect("ONGOING_ACCESS");
        JsonObject problem = journey.client().get("/api/v1/consents/" + ongoing.consentId() + "/income-report")
                .expectProblem(409, "wrong-consent-kind");
        assertThat(problem.getString("detail", "")).isNotBlank();
    }

    @Test
    void revokedConsentIsListedAsRevokedAndNoLongerReadableAndRevokingAgainIsHarmless() {
        Journey journey = Journey.newUser("revoke");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        journey.accounts(connected.consentId()).expect(200);

        journey.client().delete("/api/v1/consents/" + connected.consentId()).expect(204);

        assertThat(journey.consent(connected.consentId()).getString("status")).isEqualTo("REVOKED");
        JsonObject problem = journey.accounts(connected.consentId()).expectProblem(409, "consent-not-usable");
        assertThat(problem.getString("consentStatus")).isEqualTo("REVOKED");
        journey.client().get("/api/v1/consents/" + connected.consentId() + "/transactions?limit=10")
                .expectProblem(409, "consent-not-usable");
        journey.client().delete("/api/v1/consents/" + connected.consentId()).expect(204);
        assertThat(journey.consent(connected.consentId()).getString("status")).isEqualTo("REVOKED");
    }

    @Test
    void renewalKeepsTheSameConsentActive() {
        Journey journey = Journey.newUser("renew");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");

        Http.Response started = journey.client().post("/api/v1/consents/" + connected.consentId() + "/renewal", "{\"language\":\"en\"}")
                .expect(201);
        JsonObject renewal = started.json();
        assertThat(renewal.getString("widgetUrl")).startsWith("http");
        assertThat(started.header("Location").orElse("")).endsWith("/api/v1/flows/" + renewal.getString("flowId"));

        Journey.Callback callback = Journey.callback(Journey.approve(renewal.getString("widgetUrl")));
        assertThat(callback.outcome()).as(callback.response().describe()).isEqualTo("COMPLETED");
        assertThat(journey.flow(renewal.getString("flowId")).getString("consentId")).isEqualTo(connected.consentId());

        JsonArray consents = journey.consents();
        assertThat(consents).as(consents.toString()).hasSize(1);
        assertThat(consents.getJsonObject(0).getString("id")).isEqualTo(connected.consentId());
        assertThat(consents.getJsonObject(0).getString("status")).isEqualTo("ACTIVE");
        assertThat(journey.accounts(connected.consentId()).expect(200).jsonArray()).isNotEmpty();
    }

    @Test
    void cancelledRenewalLeavesTheConsentAsItWas() {
        Journey journey = Journey.newUser("renew-cancel");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        JsonObject renewal = journey.client().post("/api/v1/consents/" + connected.consentId() + "/renewal", "{}").expect(201).json();

        Journey.Callback callback = Journey.callback(Journey.cancel(renewal.getString("widgetUrl")));

        assertThat(callback.outcome()).isEqualTo("CANCELLED");
        assertThat(journey.flowStatus(renewal.getString("flowId"))).isEqualTo("CANCELLED");
        assertThat(journey.consent(connected.consentId()).getString("status")).isEqualTo("ACTIVE");
        assertThat(journey.accounts(connected.consentId()).status()).isEqualTo(200);
    }

    /** The renewal body is optional: an empty POST, with or without a JSON content type, starts a renewal flow. */
    @Test
    void renewalWithoutABodyStartsAFlow() {
        Journey journey = Journey.newUser("renew-nobody");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");
        String path = "/api/v1/consents/" + connected.consentId() + "/renewal";
        Http.Response withType = journey.client().send(Http.request(path)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
        Http.Response withoutType = journey.client().send(Http.request(path).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(withType.status()).as(withType.describe()).isEqualTo(201);
        assertThat(withType.json().getString("widgetUrl")).startsWith("http");
        assertThat(withoutType.status()).as(withoutType.describe()).isEqualTo(201);
    }
}
