package io.consentgateway.it;

import io.consentgateway.it.support.GatewayDatabase;
import io.consentgateway.it.support.Http;
import io.consentgateway.it.support.Journey;
import io.consentgateway.it.support.Sandbox;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account data store through the running WAR, on the server's own database (H2 in the build, PostgreSQL in
 * {@code bench/two-nodes.sh}): what a test cannot wait for (hours, 24 hours) it reaches by moving the stored times back.
 */
class DataStoreIT {
    private static final String TRANSACTIONS = "GET /rest/transactions";
    private static final String ACCOUNTS = "GET /rest/accounts";
    /**
     * How long a wait for the scheduler may take: many ticks (5 s in the build, 2 s in the two-node run), since on two
     * loaded cores a tick can come late. A wait ends as soon as what it waits for is seen.
     */
    private static final Duration SCHEDULER_TICKS = Duration.ofSeconds(60);

    private static List<JsonObject> walk(Journey journey, String consentId, int limit) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = journey.client().get("/api/v1/consents/" + consentId + "/transactions?limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + Http.encode(cursor))).expect(200).json();
            page.getJsonArray("transactions").forEach(t -> all.add(t.asJsonObject()));
            cursor = page.containsKey("nextCursor") && page.get("nextCursor") != JsonValue.NULL ? page.getString("nextCursor") : null;
        } while (cursor != null);
        return all;
    }

    private static JsonObject data(Journey journey, String consentId) {
        return journey.consent(consentId).getJsonObject("data");
    }

    private static String syncedAt(Journey journey, String consentId) {
        JsonObject data = data(journey, consentId);
        return data.containsKey("syncedAt") && data.get("syncedAt") != JsonValue.NULL ? data.getString("syncedAt") : null;
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(SCHEDULER_TICKS);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(giveUp);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Connects, and waits for the first sync (made at completion, beside the redirect). */
    private static String connectedAndSynced(Journey journey, String kind) {
        String consentId = journey.connect(kind).consentId();
        await("the first sync", () -> syncedAt(journey, consentId) != null);
        return consentId;
    }

    @Test
    void pagingAHistoryOf500PlusTransactionsMakesTheProviderServeItOnceNotOncePerPage() {
        Journey journey = Journey.newUser("store-paging");
        String consentId = connectedAndSynced(journey, "ONGOING_ACCESS");
        Sandbox.Stats before = Sandbox.stats();

        List<JsonObject> all = walk(journey, consentId, 50);

        Sandbox.Stats after = Sandbox.stats();
        assertThat(all).hasSizeGreaterThanOrEqualTo(500);
        assertThat(all.stream().map(t -> t.getString("accountId") + "/" + t.getString("id"))).doesNotHaveDuplicates();
        assertThat(before.nrichDelta(after, TRANSACTIONS)).as("provider transaction pages while paging the store").isZero();
        assertThat(before.nrichDelta(after, ACCOUNTS)).isZero();
    }

    @Test
    void aLateBookingInsertedAtTheProviderAppearsAfterTheNextSyncExactlyOnce() {
        Journey journey = Journey.newUser("store-late");
        String consentId = connectedAndSynced(journey, "ONGOING_ACCESS");
        int before = walk(journey, consentId, 500).size();
        String late = Sandbox.bookAtNrich(journey.client().user(), Sandbox.today().minusDays(3), "-12.34");

        assertThat(walk(journey, consentId, 500)).as("within the max age: not synced yet").hasSize(before);
        GatewayDatabase.moveBack("consent_data", UUID.fromString(consentId), Duration.ofMinutes(16), "synced_at");
        List<JsonObject> after = walk(journey, consentId, 500);
        GatewayDatabase.moveBack("consent_data", UUID.fromString(consentId), Duration.ofMinutes(16), "synced_at");
        List<JsonObject> again = walk(journey, consentId, 500);

        assertThat(after).hasSize(before + 1);
        assertThat(after).filteredOn(t -> t.getString("id").equals(late)).singleElement()
                .satisfies(t -> assertThat(t.getString("bookingDate")).isEqualTo(Sandbox.today().minusDays(3).toString()));
        assertThat(again).as("a second sync over the same overlap").hasSize(before + 1);
    }

    @Test
    void aProviderOutageDuringAReadAnswersFromTheStoreWithItsSyncTimeNotA503() {
        Journey journey = Journey.newUser("store-outage");
        String consentId = connectedAndSynced(journey, "ONGOING_ACCESS");
        String accounts = journey.accounts(consentId).expect(200).body();
        GatewayDatabase.makeStale(consentId);
        Http.Response duringOutage;
        try {
            Sandbox.addFault("{\"provider\":\"nrich\",\"path\":\"/rest/accounts\",\"status\":503,\"rate\":1.0}");
            duringOutage = journey.accounts(consentId).expect(200);
        } finally {
            Sandbox.clearFaults();
        }
        Http.Response afterwards = journey.accounts(consentId).expect(200);

        assertThat(duringOutage.body()).isEqualTo(accounts);
        assertThat(lastModified(duringOutage)).as("as last synced, an hour ago").isBefore(Instant.now().minusSeconds(3000));
        assertThat(journey.consent(consentId).getString("status")).isEqualTo("ACTIVE");
        assertThat(lastModified(afterwards)).as("synced again").isAfter(Instant.now().minusSeconds(60));
    }

    private static Instant lastModified(Http.Response response) {
        return java.time.ZonedDateTime.parse(response.header("Last-Modified").orElseThrow(),
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Test
    void aOneTimeConsentIsReadableAtMinute90FromItsSnapshotAndGoneAfterItsRetention() {
        Journey journey = Journey.newUser("store-onetime");
        String consentId = connectedAndSynced(journey, "ONE_TIME_ACCESS");
        String accounts = journey.accounts(consentId).expect(200).body();
        UUID id = UUID.fromString(consentId);
        // Minute 90: the provider has deleted the data (its clock), and the gateway's consent has ended (its stored times).
        Sandbox.advanceClock(90 * 60);
        GatewayDatabase.moveBack("consents", id, Duration.ofMinutes(90), "granted_at", "expires_at", "last_user_activity_at");

        Http.Response read = journey.accounts(consentId).expect(200);
        assertThat(read.body()).isEqualTo(accounts);
        assertThat(read.header("Last-Modified")).isPresent();
        assertThat(journey.consent(consentId).getString("status")).isEqualTo("EXPIRED");
        assertThat(walk(journey, consentId, 500)).isNotEmpty();

        GatewayDatabase.set("consent_data", "retain_until", id, Instant.now().minusSeconds(1));
        await("the scheduler deleting the snapshot", () -> syncedAt(journey, consentId) == null);
        journey.accounts(consentId).expectProblem(409, "consent-not-usable");
    }

    @Test
    void theFifthBackgroundSyncOfAnAccountWithin24HoursIsNotMade() {
        Journey journey = Journey.newUser("store-budget");
        String consentId = connectedAndSynced(journey, "ONGOING_ACCESS");
        UUID id = UUID.fromString(consentId);
        List<Long> accountCalls = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            String lastSync = syncedAt(journey, consentId);
            Sandbox.Stats before = Sandbox.stats();
            // nobody read the data for 7 hours: due for a background sync (cg.sync.background-interval = 6 hours)
            GatewayDatabase.moveBack("consent_data", id, Duration.ofHours(7), "synced_at", "last_attempt_at");
            String movedBack = syncedAt(journey, consentId);
            if (round <= 4) {
                await("background sync " + round, () -> !movedBack.equals(syncedAt(journey, consentId)));
            } else {
                await("the scheduler looking at the consent", () ->
                        GatewayDatabase.count("SELECT COUNT(*) FROM consent_data WHERE consent_id = ? AND last_attempt_at > ?",
                                id, Instant.now().minusSeconds(30).atOffset(java.time.ZoneOffset.UTC)) == 1);
            }
            accountCalls.add(before.nrichDelta(Sandbox.stats(), ACCOUNTS));
            assertThat(lastSync).isNotNull();
        }

        assertThat(accountCalls).containsExactly(1L, 1L, 1L, 1L, 0L);
        JsonObject data = data(journey, consentId);
        assertThat(data.getInt("backgroundSyncsUsed")).isEqualTo(4);
        assertThat(data.getInt("backgroundSyncsAllowed")).isEqualTo(4);
    }

    @Test
    void erasingAUserLeavesNoRowOfTheUserAndNoneOfItsTokens() throws Exception {
        Journey kept = Journey.newUser("store-kept");
        String keptConsent = connectedAndSynced(kept, "ONGOING_ACCESS");
        Journey journey = Journey.newUser("store-erase");
        String user = journey.client().user();
        String ongoing = connectedAndSynced(journey, "ONGOING_ACCESS");
        String oneTime = connectedAndSynced(journey, "ONE_TIME_ACCESS");
        journey.start("ONGOING_ACCESS");
        List<String> ciphertexts = new ArrayList<>();
        for (String consent : List.of(ongoing, oneTime)) {
            ciphertexts.add((String) GatewayDatabase.single("SELECT access_token_enc FROM consents WHERE id = ?",
                    UUID.fromString(consent)));
        }
        assertThat(ciphertexts).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("v1."));

        journey.client().delete("/api/v1/me").expect(204);

        assertThat(journey.consents()).isEmpty();
        for (String table : List.of("flows", "consents")) {
            assertThat(GatewayDatabase.count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", user)).as(table).isZero();
        }
        for (String consent : List.of(ongoing, oneTime)) {
            for (String table : List.of("consent_data", "background_syncs", "stored_accounts", "stored_transactions")) {
                assertThat(GatewayDatabase.count("SELECT COUNT(*) FROM " + table + " WHERE consent_id = ?",
                        UUID.fromString(consent))).as(table).isZero();
            }
        }
        String dump = GatewayDatabase.dump();
        assertThat(dump).as("the dump holds the users' rows: another user's are there").contains(kept.client().user());
        assertThat(kept.accounts(keptConsent).status()).isEqualTo(200);
        assertThat(dump).doesNotContain(user);
        ciphertexts.forEach(ciphertext -> assertThat(dump).doesNotContain(ciphertext));
        journey.client().delete("/api/v1/me").expect(204);
        String log = Files.readString(Path.of(System.getProperty("it.server.log")));
        assertThat(log).contains("erasure ").doesNotContain(user);
    }
}
