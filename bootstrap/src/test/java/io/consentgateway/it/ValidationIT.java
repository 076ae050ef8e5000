package io.consentgateway.it;

import io.consentgateway.it.support.AtOnce;
import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.consentgateway.it.support.JsonSupport.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests answer 400 problems naming each bad field. (Every answer is also checked for leaked tokens and
 * codes by {@link GatewayClient}.) One consent is shared by the transactions checks: they only read it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationIT {
    /** cg.flows.max-waiting-per-user, as the IT server has it (the default). */
    private static final int MAX_WAITING_FLOWS = 20;
    private Journey journey;
    private String consentId;

    @BeforeAll
    void connect() {
        journey = Journey.newUser("validation");
        consentId = journey.connect("ONGOING_ACCESS").consentId();
    }

    private JsonObject invalidFlow(String json, String field) {
        JsonObject problem = journey.client().post("/api/v1/flows", json).expectProblem(400, "invalid-input");
        assertThat(errorFields(problem)).as(problem.toString()).contains(field);
        return problem;
    }

    @Test
    void ibanWithWrongCheckDigitsIsNamedByIndex() {
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"accounts\":[\"DE89370400440532013001\"]}", "accounts[0]");
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"accounts\":[\"DE89370400440532013000\",\"DE00370400440532013000\"]}", "accounts[1]");
    }

    @Test
    void unknownLanguageIsNamed() {
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"language\":\"xx\"}", "language");
    }

    @Test
    void missingOrUnknownKindIsNamed() {
        invalidFlow("{\"language\":\"en\"}", "kind");
        invalidFlow("{\"kind\":\"EVERYTHING\"}", "kind");
        invalidFlow("{}", "kind");
    }

    @Test
    void reportingPeriodOnAnOngoingFlowIsNamed() {
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"reportingPeriod\":12}", "reportingPeriod");
        invalidFlow("{\"kind\":\"INCOME_REPORT\",\"reportingPeriod\":12,\"syncPeriod\":90}", "reportingPeriod");
    }

    @Test
    void everyBadFieldOfOneRequestIsListed() {
        JsonObject problem = invalidFlow("{\"language\":\"xx\",\"accounts\":[\"DE89370400440532013001\"]}", "kind");
        assertThat(errorFields(problem)).contains("kind", "language", "accounts[0]");
    }

    @Test
    void returnToOutsideTheAllowListIsNamed() {
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"returnTo\":\"https://evil.example/steal\"}", "returnTo");
        invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"returnTo\":\"not a url\"}", "returnTo");
        journey.client().post("/api/v1/consents/" + consentId + "/renewal", "{\"returnTo\":\"https://evil.example/\"}")
                .expectProblem(400, "invalid-input");
    }

    @Test
    void aPathTheWebContainerRefusesIsAProblemWithoutItsStackTrace() {
        for (String path : new String[] {"/api/v1/consents/%2F", "/api/v1/consents/..%2F..%2Fetc%2Fpasswd",
                                         "/api/v1/consents/%2e%2e/", "/callback/%2F", "/api/v1/consents/%C0%AF"}) {
            Http.Response response = journey.client().sendUnscanned(Http.request(path).GET());
            assertThat(response.status()).as(path + " -> " + response.describe()).isEqualTo(400);
            assertThat(response.header("Content-Type").orElse("")).as(path).startsWith(Http.PROBLEM_JSON);
            assertThat(response.body()).as(path).contains("malformed-request").doesNotContain("Exception")
                    .doesNotContain("internal classes");
            assertThat(response.raw().headers().map().keySet()).as(path + ": no header of the server's own")
                    .noneMatch(name -> name.startsWith("$"));
            assertThat(response.header("X-Frame-Options")).as(path).contains("DENY");
        }
        Http.Response direct = journey.client().sendUnscanned(Http.request("/container-problem").GET());
        assertThat(direct.status()).as("the error page requested directly").isEqualTo(404);
    }

    @Test
    void oneFlowMoreThanMayWaitForAUserIs429AndReachesNoProvider_ACancelledFlowFreesItsPlace() {
        Journey user = Journey.newUser("many-flows");
        List<Journey.Flow> waiting = new ArrayList<>();
        for (int i = 0; i < MAX_WAITING_FLOWS; i++) {
            waiting.add(user.start("ONGOING_ACCESS"));
        }
        Sandbox.Stats before = Sandbox.stats();

        Http.Response refused = user.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\"}");
        JsonObject problem = refused.expectProblem(429, "too-many-flows");
        assertThat(problem.getString("detail")).contains("At most " + MAX_WAITING_FLOWS + " flows");
        long retryAfter = Long.parseLong(refused.header("Retry-After").orElseThrow());
        assertThat(retryAfter).as("until the first waiting flow lapses, within its hour").isBetween(3_000L, 3_600L);
        assertThat(problem.getJsonNumber("retryAfterSeconds").longValue()).isEqualTo(retryAfter);
        assertThat(before.postsButRefreshes(Sandbox.stats())).as("no provider was asked").isZero();
        Journey.newUser("few-flows").start("ONGOING_ACCESS");

        assertThat(Journey.callback(Journey.cancel(waiting.get(0).widgetUrl())).outcome()).isEqualTo("CANCELLED");
        user.start("ONGOING_ACCESS");
    }

    @Test
    void startsOfOneUserSentAllAtOnceCannotPassTheCapTogether() throws Exception {
        Journey user = Journey.newUser("flows-at-once");
        Callable<Integer> start = () -> user.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\"}").status();

        Map<Integer, Integer> statuses = AtOnce.countsOf(AtOnce.all(Collections.nCopies(MAX_WAITING_FLOWS + 15, start)));

        assertThat(statuses).containsExactly(Map.entry(201, MAX_WAITING_FLOWS), Map.entry(429, 15));
    }

    @Test
    void headersTheRuntimeCannotReadAreTheClientsErrorNotAnInternalOne() {
        String body = "{\"kind\":\"ONGOING_ACCESS\"}";
        journey.client().send(Http.request("/api/v1/consents").header("Accept", "*/*;q=abc").GET())
                .expectProblem(400, "malformed-request");
        journey.client().send(Http.request("/api/v1/flows").header("Content-Type", "application/json; charset=bogus")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))).expectProblem(415, "unsupported-media-type");
        journey.client().send(Http.request("/api/v1/flows").header("Content-Type", ";;;")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))).expectProblem(400, "malformed-request");
        assertThat(journey.consents()).as("nothing started").hasSize(1);
    }

    @Test
    void aBodyBeginningWithAByteOrderMarkIsReadAsWithout() {
        journey.client().post("/api/v1/flows", "\uFEFF{\"kind\":\"ONGOING_ACCESS\"}").expect(201);
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        journey.client().post("/api/v1/flows", "{\"kind\":").expectProblem(400, "malformed-request");
        journey.client().post("/api/v1/flows", "[1,2,3]").expectProblem(400, "malformed-request");
        journey.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\"} {\"kind\":\"INCOME_REPORT\"}")
                .expectProblem(400, "malformed-request");
        assertThat(journey.consents()).as("nothing started").hasSize(1);
    }

    @Test
    void aFieldNamedTwiceOrNestedDeeperThanTheParserReadsIsAMalformedRequestNotAnInternalError() {
        journey.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"kind\":\"ONE_TIME_ACCESS\"}")
                .expectProblem(400, "malformed-request");
        journey.client().post("/api/v1/flows", "{\"kind\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}")
                .expectProblem(400, "malformed-request");
        assertThat(journey.consents()).as("nothing started").hasSize(1);
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsNamedInsteadOfIgnored() {
        JsonObject problem = invalidFlow("{\"kind\":\"ONGOING_ACCESS\",\"syncPeriode\":365}", "syncPeriode");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("is not a field of this request");
        journey.client().post("/api/v1/consents/" + consentId + "/renewal", "{\"lang\":\"en\"}")
                .expectProblem(400, "invalid-input");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithTheTypeItMustHave() {
        JsonObject problem = journey.client().post("/api/v1/flows",
                "{\"kind\":\"ONGOING_ACCESS\",\"syncPeriod\":\"ninety\",\"accounts\":[{\"id\":\"DE89370400440532013000\"}]}")
                .expectProblem(400, "invalid-input");

        assertThat(problem.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field") + ": "
                + e.asJsonObject().getString("message")))
                .containsExactlyInAnyOrder("syncPeriod: must be a whole number", "accounts[0]: must be text");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingReadsIt() {
        String huge = "{\"kind\":\"ONGOING_ACCESS\",\"accountTypes\":[" + "\"Giro account\",".repeat(200_000) + "\"x\"]}";

        journey.client().post("/api/v1/flows", huge).expectProblem(413, "payload-too-large");
        assertThat(journey.consents()).as("nothing started").hasSize(1);
    }

    @Test
    void withoutATokenEvenAnOversizedBodyIsA401TheCallerIsAuthenticatedFirst() {
        // Over the 64 KiB limit (which a signed-in caller meets as a 413), small enough to be sent whole.
        String huge = "{\"kind\":\"ONGOING_ACCESS\",\"accountTypes\":[" + "\"Giro account\",".repeat(6_000) + "\"x\"]}";

        GatewayClient.anonymous(Http.request("/api/v1/flows").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(huge))).expectProblem(401, "unauthorized");
        GatewayClient.anonymous(Http.request("/api/v1/flows").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"kind\":"))).expectProblem(401, "unauthorized");
    }

    @Test
    void listsAreCappedAndAThousandBadItemsEarnAShortAnswer() {
        String accounts = "[" + "\"DE00370400440532013000\",".repeat(99) + "\"DE00370400440532013000\"]";
        JsonObject problem = journey.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"accounts\":" + accounts + "}")
                .expectProblem(400, "invalid-input");
        assertThat(problem.getJsonArray("errors")).hasSizeLessThanOrEqualTo(50);

        String tooMany = "[" + "\"0532013000\",".repeat(100) + "\"0532013000\"]";
        assertThat(journey.client().post("/api/v1/flows", "{\"kind\":\"ONGOING_ACCESS\",\"accounts\":" + tooMany + "}")
                .problemFields()).containsExactly("accounts");
    }

    @Test
    void transactionLimitOutOfRangeOrNotANumberIsNamed() {
        for (String limit : new String[] {"0", "abc", "501", "-1"}) {
            JsonObject problem = journey.client().get("/api/v1/consents/" + consentId + "/transactions?limit=" + limit)
                    .expectProblem(400, "invalid-input");
            assertThat(errorFields(problem)).as("limit=" + limit + " " + problem).contains("limit");
        }
        journey.client().get("/api/v1/consents/" + consentId + "/transactions?limit=500").expect(200);
    }

    @Test
    void forgedCursorIsNamed() {
        String[] cursors = {
                "not-a-cursor",
                Base64.getUrlEncoder().withoutPadding().encodeToString("v1:-100:0".getBytes(StandardCharsets.US_ASCII)),
                Base64.getUrlEncoder().withoutPadding().encodeToString("v1:100:deadbeef".getBytes(StandardCharsets.US_ASCII)),
        };
        for (String cursor : cursors) {
            JsonObject problem = journey.client()
                    .get("/api/v1/consents/" + consentId + "/transactions?limit=10&cursor=" + Http.encode(cursor))
                    .expectProblem(400, "invalid-input");
            assertThat(errorFields(problem)).as(cursor + " " + problem).contains("cursor");
        }
    }

    @Test
    void cursorOfAnotherFilterIsRefused() {
        JsonObject page = journey.client().get("/api/v1/consents/" + consentId + "/transactions?limit=5").expect(200).json();
        String cursor = page.getString("nextCursor");
        JsonObject problem = journey.client()
                .get("/api/v1/consents/" + consentId + "/transactions?limit=5&from=2026-01-01&cursor=" + Http.encode(cursor))
                .expectProblem(400, "invalid-input");
        assertThat(errorFields(problem)).contains("cursor");
    }

    @Test
    void anAccountFilterOutsideTheConsentIsNamed() {
        JsonObject problem = journey.client().get("/api/v1/consents/" + consentId + "/transactions?account=NOT-MINE.1")
                .expectProblem(400, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("account");
    }

    @Test
    void badDateFilterIsNamed() {
        JsonObject problem = journey.client().get("/api/v1/consents/" + consentId + "/transactions?from=yesterday")
                .expectProblem(400, "invalid-input");
        assertThat(errorFields(problem)).contains("from");
    }

    @Test
    void aQueryParameterTheApiDoesNotHaveOrOneGivenTwiceIsNamedInsteadOfIgnored() {
        JsonObject misspelt = journey.client().get("/api/v1/consents/" + consentId + "/transactions?accountId=NOT-MINE.1")
                .expectProblem(400, "invalid-input");
        assertThat(misspelt.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("accountId");
        assertThat(misspelt.getJsonArray("errors").getJsonObject(0).getString("message"))
                .isEqualTo("is not a query parameter of this request");

        JsonObject twice = journey.client().get("/api/v1/consents/" + consentId + "/transactions?limit=5&limit=500")
                .expectProblem(400, "invalid-input");
        assertThat(errorFields(twice)).containsExactly("limit");
        journey.client().get("/api/v1/consents?status=ACTIVE").expectProblem(400, "invalid-input");
        Http.get("/api/v1/consents?status=ACTIVE").expectProblem(401, "unauthorized");

        // Not the API: the front end's page takes what the callback appends, whatever else a browser adds.
        journey.client().get("/?flow=" + UUID.randomUUID() + "&outcome=COMPLETED&utm_source=mail").expect(200);
    }

    @Test
    void malformedIdsAreSimplyNotFound() {
        journey.client().get("/api/v1/consents/not-a-uuid").expectProblem(404, "not-found");
        journey.client().get("/api/v1/flows/" + UUID.randomUUID() + "x").expectProblem(404, "not-found");
    }
}
