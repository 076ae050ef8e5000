package io.consentgateway.it;

import io.consentgateway.it.support.GatewayClient;
import io.consentgateway.it.support.GatewayDatabase;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Webhooks;
import io.consentgateway.it.support.Webhooks.Delivery;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fintech hears about its users' consents: each event type arrives at the sandbox's receiver, signed (checked with
 * the specification's algorithm written again in {@link Webhooks}, not the gateway's class), without a token or a code;
 * a receiver that fails, hangs or redirects gets the same message again until it takes it, and every event once it is
 * back; an operator sees what was given up and sends it again. The IT server retries after 1, 1, 2, 2 and 2 s and
 * times an attempt out after 1 s (bootstrap/pom.xml).
 */
class WebhooksIT {
    private static final String CANARY = System.getProperty("it.canary", "cgCANARY7x");

    @AfterEach
    void healTheReceiver() {
        Webhooks.heal();
    }

    private static Delivery only(List<Delivery> received, String type) {
        List<Delivery> ofType = received.stream().filter(d -> d.type().equals(type)).toList();
        assertThat(ofType).as("deliveries of " + type).hasSize(1);
        return ofType.get(0);
    }

    private static void assertSignedAndClean(List<Delivery> received) {
        for (Delivery delivery : received) {
            assertThat(delivery.verifiesWith(Webhooks.DEMO_SECRET)).as("signature of " + delivery.rawBody()).isTrue();
            assertThat(delivery.verifiesWith("whsec_" + java.util.Base64.getEncoder()
                    .encodeToString("not-the-gateway-s-secret-at-all!".getBytes()))).isFalse();
            assertThat(delivery.id()).isEqualTo("evt_" + delivery.data().getString("eventId"));
            assertThat(Long.parseLong(delivery.headers().getString("webhook-timestamp")))
                    .isBetween(Instant.now().minusSeconds(600).getEpochSecond(), Instant.now().plusSeconds(5).getEpochSecond());
            assertThat(delivery.rawBody()).doesNotContain(CANARY).doesNotContainIgnoringCase("token")
                    .doesNotContain("\"code\"").doesNotContainIgnoringCase("iban");
            assertThat(delivery.data().keySet()).isSubsetOf("eventId", "userId", "provider", "consentId", "flowId", "status",
                    "reason");
        }
    }

    @Test
    void aConnectionIsToldAsTheFlowsCompletionTheConsentsActivationAndItsFirstSync() {
        Journey journey = Journey.newUser("hooks");
        Journey.Connected connected = journey.connect("ONGOING_ACCESS");

        List<Delivery> received = Webhooks.awaitTypes(journey.client().user(), "flow.completed", "consent.activated",
                "data.synced");

        assertSignedAndClean(received);
        JsonObject completed = only(received, "flow.completed").data();
        assertThat(completed.getString("flowId")).isEqualTo(connected.flowId());
        assertThat(completed.getString("consentId")).isEqualTo(connected.consentId());
        assertThat(completed.getString("status")).isEqualTo("COMPLETED");
        JsonObject activated = only(received, "consent.activated").data();
        assertThat(activated.getString("consentId")).isEqualTo(connected.consentId());
        assertThat(activated.getString("userId")).isEqualTo(journey.client().user());
        assertThat(activated.getString("provider")).isEqualTo("nrich");
        assertThat(activated.getString("status")).isEqualTo("ACTIVE");
        assertThat(only(received, "data.synced").data().getString("consentId")).isEqualTo(connected.consentId());
        assertThat(only(received, "consent.activated").body().getString("timestamp")).isNotBlank();
    }

    @Test
    void aCancelledFlowIsToldAsFailedAndARevocationAsRevoked() {
        Journey journey = Journey.newUser("hooks");
        Journey.Flow cancelled = journey.start("ONGOING_ACCESS");
        Journey.callback(Journey.cancel(cancelled.widgetUrl()));
        Journey.Connected connected = journey.connect("ONE_TIME_ACCESS");
        journey.client().delete("/api/v1/consents/" + connected.consentId()).expect(204);

        List<Delivery> received = Webhooks.awaitTypes(journey.client().user(), "flow.failed", "consent.revoked");

        assertSignedAndClean(received);
        JsonObject failed = only(received, "flow.failed").data();
        assertThat(failed.getString("flowId")).isEqualTo(cancelled.id());
        assertThat(failed.getString("status")).isEqualTo("CANCELLED");
        assertThat(failed.containsKey("consentId")).isFalse();
        JsonObject revoked = only(received, "consent.revoked").data();
        assertThat(revoked.getString("consentId")).isEqualTo(connected.consentId());
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
    }

    @Test
    void aRefusedRefreshIsToldAsReauthRequiredAndTheRenewalAsRenewed() {
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        UUID id = UUID.fromString(consentId);
        GatewayDatabase.makeStale(consentId);
        Http.postJson("/sandbox/control/revoke", "{\"provider\":\"nrich\",\"user\":\"" + user + "\"}").expect(200);
        GatewayDatabase.moveBack("consents", id, Duration.ofHours(2), "tokens_issued_at", "access_expires_at");

        Http.Response read = journey.accounts(consentId); // the refresh is refused: the user must renew
        assertThat(read.status()).as(read.describe()).isEqualTo(409);

        Delivery reauth = only(Webhooks.awaitTypes(user, "consent.reauth_required"), "consent.reauth_required");
        assertThat(reauth.data().getString("status")).isEqualTo("REAUTH_REQUIRED");
        assertThat(reauth.data().getString("reason")).isEqualTo("REFRESH_REJECTED");

        String widget = journey.client().post("/api/v1/consents/" + consentId + "/renewal", "{}").expect(201).json()
                .getString("widgetUrl");
        assertThat(Journey.callback(Journey.approve(widget)).outcome()).isEqualTo("COMPLETED");

        List<Delivery> received = Webhooks.await(user, Duration.ofSeconds(30), r -> r.stream()
                .filter(d -> d.type().equals("flow.completed")).count() == 2 && r.stream()
                .anyMatch(d -> d.type().equals("consent.renewed")));
        assertSignedAndClean(received);
        JsonObject renewed = only(received, "consent.renewed").data();
        assertThat(renewed.getString("consentId")).isEqualTo(consentId);
        assertThat(renewed.getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void theSchedulerTellsExpiringSoonThenExpired() {
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        UUID id = UUID.fromString(consentId);
        String[] times = {"granted_at", "last_user_activity_at", "tokens_issued_at", "access_expires_at",
                "refresh_issued_at", "refresh_expires_at", "last_refreshed_at", "provider_consent_ends_at", "expires_at",
                "next_check_at"};

        GatewayDatabase.moveBack("consents", id, Duration.ofDays(80), times); // 10 days left: in the warning window
        Delivery soon = only(Webhooks.awaitTypes(user, "consent.expiring_soon"), "consent.expiring_soon");
        assertThat(soon.data().getString("status")).isEqualTo("EXPIRING_SOON");

        GatewayDatabase.moveBack("consents", id, Duration.ofDays(11), times); // past the end
        GatewayDatabase.set("consents", "next_check_at", id, Instant.now().minusSeconds(1));
        Delivery expired = only(Webhooks.awaitTypes(user, "consent.expired"), "consent.expired");
        assertThat(expired.data().getString("status")).isEqualTo("EXPIRED");
        assertSignedAndClean(Webhooks.of(user));
    }

    @Test
    void aReceiverThatAnswersTooLateGetsTheSameMessageAgainUntilItAnswersInTime() {
        Webhooks.misbehave("{\"latencyMs\":1500}"); // records after 1.5 s; the gateway gave up after 1 s
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        Journey.Flow flow = journey.start("ONGOING_ACCESS");
        Journey.callback(Journey.cancel(flow.widgetUrl()));

        Webhooks.await(user, Duration.ofSeconds(30), r -> r.size() >= 2);
        Webhooks.heal();
        List<Delivery> received = Webhooks.await(user, Duration.ofSeconds(30), r -> r.size() >= 3
                && GatewayDatabase.count("SELECT COUNT(*) FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id"
                + " WHERE e.user_id = ? AND d.status = 'DELIVERED'", user) == 1);

        assertThat(received).allMatch(d -> d.type().equals("flow.failed"));
        assertThat(received).extracting(Delivery::id).as("one message, sent again with its id").containsOnly(received.get(0).id());
        assertThat(received).extracting(Delivery::rawBody).containsOnly(received.get(0).rawBody());
        assertSignedAndClean(received);
    }

    @Test
    void aReceiverThatFailsOrRedirectsIsRetriedAndGetsEveryEventOnceItIsBack() {
        Webhooks.misbehave("{\"status\":503}");
        long refusedBefore = Webhooks.refused();
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        String consentId = journey.connect("ONGOING_ACCESS").consentId();
        journey.client().delete("/api/v1/consents/" + consentId).expect(204);
        awaitRefusedMoreThan(refusedBefore + 8);
        Webhooks.misbehave("{\"redirectTo\":\"http://localhost:1/elsewhere\"}");
        awaitRefusedMoreThan(Webhooks.refused() + 2);
        assertThat(Webhooks.of(user)).as("nothing taken while the receiver was down").isEmpty();

        Webhooks.heal();

        List<Delivery> received = Webhooks.awaitTypes(user, "flow.completed", "consent.activated", "data.synced",
                "consent.revoked");
        Map<String, Long> copies = received.stream().collect(Collectors.groupingBy(Delivery::id, Collectors.counting()));
        assertThat(copies.values()).as("every event once").containsOnly(1L);
        assertThat(received).hasSize(4);
        assertSignedAndClean(received);
    }

    @Test
    void anOperatorSeesWhatWasGivenUpAndSendsItAgain() {
        GatewayClient operator = GatewayClient.operator();
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        Journey.Flow flow = cancelledWhileTheReceiverFails(journey, "ONGOING_ACCESS").get(0);

        JsonObject failed = awaitFailedDeliveryOf(operator, user);
        assertThat(failed.getString("eventType")).isEqualTo("flow.failed");
        assertThat(failed.getInt("attempts")).isEqualTo(6);
        assertThat(failed.getString("lastError")).isEqualTo("HTTP 500");
        assertThat(failed.getString("endpoint")).isEqualTo("sandbox");
        assertThat(failed.getString("flowId")).isEqualTo(flow.id());
        Webhooks.heal();

        JsonObject again = operator.post("/api/v1/admin/webhooks/deliveries/" + failed.getString("id") + "/redelivery", "")
                .expect(200).json();
        assertThat(again.getString("status")).isEqualTo("pending");

        Delivery delivered = only(Webhooks.awaitTypes(user, "flow.failed"), "flow.failed");
        assertThat(delivered.data().getString("eventId")).isEqualTo(failed.getString("eventId"));
        assertSignedAndClean(List.of(delivered));
    }

    @Test
    void whenTheReceiverIsBackAnOperatorSendsAllThatWaitsForItWithOneRequest() {
        GatewayClient operator = GatewayClient.operator();
        Journey journey = Journey.newUser("hooks");
        String user = journey.client().user();
        List<Journey.Flow> cancelled = cancelledWhileTheReceiverFails(journey, "ONGOING_ACCESS", "ONE_TIME_ACCESS");
        List<JsonObject> givenUp = awaitFailedDeliveriesOf(operator, user, 2);
        assertThat(operator.get("/api/v1/admin/webhooks/deliveries?status=failed&endpoint=sandbox&limit=500").expect(200)
                .jsonArray().stream().map(JsonValue::asJsonObject).filter(d -> d.getString("userId").equals(user)))
                .as("the list filtered by endpoint").hasSize(2);
        List<String> pagedIds = pageThrough(operator, "/api/v1/admin/webhooks/deliveries?status=failed&endpoint=sandbox&limit=1");
        assertThat(pagedIds).as("every failed delivery once, a page at a time").doesNotHaveDuplicates()
                .containsAll(givenUp.stream().map(d -> d.getString("id")).toList());
        Webhooks.heal();

        int redelivered = operator.post("/api/v1/admin/webhooks/deliveries/redelivery?status=failed&endpoint=sandbox", "")
                .expect(200).json().getInt("redelivered");

        assertThat(redelivered).as("this user's two, and any other test's given up").isGreaterThanOrEqualTo(2);
        List<Delivery> received = Webhooks.await(user, Duration.ofSeconds(30), r -> r.size() >= 2);
        assertThat(received).extracting(d -> d.data().getString("flowId")).containsExactlyInAnyOrder(cancelled.get(0).id(),
                cancelled.get(1).id());
        assertThat(received).extracting(d -> d.data().getString("eventId")).containsExactlyInAnyOrderElementsOf(
                givenUp.stream().map(d -> d.getString("eventId")).toList());
        assertSignedAndClean(received);
        assertThat(operator.post("/api/v1/admin/webhooks/deliveries/redelivery?status=failed", "").expect(200).json()
                .getInt("redelivered")).as("nothing is given up any more").isZero();
    }

    @Test
    void theAdminApiIsAnOperatorsAndRefusesBadInput() {
        GatewayClient operator = GatewayClient.operator();
        GatewayClient user = GatewayClient.newUser("hooks");

        GatewayClient.anonymous(Http.request("/api/v1/admin/webhooks/deliveries").GET()).expectProblem(401, "unauthorized");
        user.get("/api/v1/admin/webhooks/deliveries").expectProblem(403, "forbidden");
        operator.get("/api/v1/admin/webhooks/deliveries?status=lost").expectProblem(400, "invalid-input");
        operator.get("/api/v1/admin/webhooks/deliveries?limit=0").expectProblem(400, "invalid-input");
        operator.get("/api/v1/admin/webhooks/deliveries?limit=x").expectProblem(400, "invalid-input");
        operator.post("/api/v1/admin/webhooks/deliveries/" + UUID.randomUUID() + "/redelivery", "").expectProblem(404, "not-found");
        operator.post("/api/v1/admin/webhooks/deliveries/not-an-id/redelivery", "").expectProblem(404, "not-found");
        operator.get("/api/v1/admin/webhooks/deliveries?endpoint=Not%20A%20Name").expectProblem(400, "invalid-input");
        operator.get("/api/v1/admin/webhooks/deliveries?cursor=bm90LWEtY3Vyc29y").expectProblem(400, "invalid-input");
        operator.post("/api/v1/admin/webhooks/deliveries/redelivery?status=delivered", "").expectProblem(400, "invalid-input");
        operator.post("/api/v1/admin/webhooks/deliveries/redelivery?endpoint=nowhere", "").expectProblem(400, "invalid-input");
        operator.post("/api/v1/admin/webhooks/deliveries/redelivery?limit=5", "").expectProblem(400, "invalid-input");
        user.post("/api/v1/admin/webhooks/deliveries/redelivery", "").expectProblem(403, "forbidden");
        GatewayClient.anonymous(Http.request("/api/v1/admin/webhooks/deliveries/redelivery")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).expectProblem(401, "unauthorized");
        assertThat(operator.get("/api/v1/admin/webhooks/deliveries?status=delivered&limit=5").expect(200).jsonArray())
                .hasSizeLessThanOrEqualTo(5);
    }

    /** The receiver answers 500 from now on; the user starts a flow of each kind and cancels it at the provider. */
    private static List<Journey.Flow> cancelledWhileTheReceiverFails(Journey journey, String... kinds) {
        Webhooks.misbehave("{\"status\":500}");
        List<Journey.Flow> flows = new java.util.ArrayList<>();
        for (String kind : kinds) {
            Journey.Flow flow = journey.start(kind);
            Journey.callback(Journey.cancel(flow.widgetUrl()));
            flows.add(flow);
        }
        return flows;
    }

    /** Follows the list's Link rel="next" from {@code path} to the last page; answers the delivery ids in order. */
    private static List<String> pageThrough(GatewayClient operator, String path) {
        List<String> ids = new java.util.ArrayList<>();
        String next = path;
        for (int page = 0; next != null; page++) {
            assertThat(page).as("pages of " + path).isLessThan(1_000);
            Http.Response answer = operator.get(next).expect(200);
            answer.jsonArray().forEach(d -> ids.add(d.asJsonObject().getString("id")));
            next = answer.header("Link").map(link -> {
                assertThat(link).as(answer.describe()).matches("<[^>]+>; *rel=\"next\"");
                return java.net.URI.create(link.substring(1, link.indexOf('>'))).getRawPath() + "?"
                        + java.net.URI.create(link.substring(1, link.indexOf('>'))).getRawQuery();
            }).orElse(null);
        }
        return ids;
    }

    private static JsonObject awaitFailedDeliveryOf(GatewayClient operator, String user) {
        return awaitFailedDeliveriesOf(operator, user, 1).get(0);
    }

    private static List<JsonObject> awaitFailedDeliveriesOf(GatewayClient operator, String user, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            List<JsonObject> failed = operator.get("/api/v1/admin/webhooks/deliveries?status=failed&limit=500").expect(200)
                    .jsonArray().stream().map(JsonValue::asJsonObject).filter(d -> d.getString("userId").equals(user)).toList();
            if (failed.size() >= count) {
                return failed;
            }
            assertThat(System.nanoTime()).as(count + " failed deliveries for " + user).isLessThan(deadline);
            sleep(500);
        }
    }

    private static void awaitRefusedMoreThan(long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Webhooks.refused() <= count) {
            assertThat(System.nanoTime()).as("receiver refusals above " + count).isLessThan(deadline);
            sleep(200);
        }
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
