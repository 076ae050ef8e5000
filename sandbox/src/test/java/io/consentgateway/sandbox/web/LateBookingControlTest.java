package io.consentgateway.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.Sandbox;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.Ibans;
import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /control/bookings}: its answer, what it refuses, and that a reset forgets it. */
class LateBookingControlTest {

    private final NrichJourney nrich = new NrichJourney();
    private final Sandbox sandbox = nrich.sandbox;
    private final ControlResource control = new ControlResource(sandbox);
    private final String access = nrich.connect("anna").getString("access_token");

    /** A body written with single quotes, for legibility. */
    private Response post(String body) {
        return control.addBooking(body.replace('\'', '"'));
    }

    private Response bookForAnna(String fields) {
        return post("{'provider':'nrich','user':'anna'," + fields + "}");
    }

    private boolean annaIsServed(String transactionId) {
        Response response = nrich.data.transactions("Bearer " + access, null, "1000", "0", null, "2026-01-01", null,
                null, null, null);
        return TestSupport.json(response).getJsonArray("transactions").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("transaction_id").equals(transactionId));
    }

    @Test
    void theAnswerIs201WithTheTransactionAsNrichServesItAndTheDefaultsFilledIn() {
        Account first = sandbox.nrichData().ledger("anna").accounts().get(0);

        Response response = bookForAnna("'bookingDate':'2026-03-01','amount':-12.5");

        assertThat(response.getStatus()).isEqualTo(201);
        JsonObject answer = TestSupport.json(response);
        assertThat(answer.getString("provider")).isEqualTo("nrich");
        assertThat(answer.getString("user")).isEqualTo("anna");
        assertThat(answer.getString("iban")).isEqualTo(first.iban());
        JsonObject t = answer.getJsonObject("transaction");
        assertThat(t.getString("transaction_id")).matches("L[0-9A-F]{16}");
        assertThat(t.getString("account_id")).isEqualTo(first.id());
        assertThat(t.getString("booking_date")).isEqualTo("2026-03-01");
        assertThat(t.getString("value_date")).isEqualTo("2026-03-01");
        assertThat(t.getJsonNumber("amount").bigDecimalValue()).isEqualTo(new BigDecimal("-12.50"));
        assertThat(t.getString("currency")).isEqualTo("EUR");
        assertThat(t.getString("name")).isEqualTo("Late booking");
        assertThat(t.getString("purpose")).isEqualTo("Late booking");
        assertThat(t.getBoolean("booked")).isTrue();
        assertThat(annaIsServed(t.getString("transaction_id"))).isTrue();
    }

    @Test
    void currencyCounterpartyAndPurposeAreTakenAsGiven() {
        JsonObject t = TestSupport.json(bookForAnna("'bookingDate':'2026-03-01','amount':99.99,'currency':'CZK',"
                + "'counterpartyName':'Prague Office','purpose':'Refund 2026-02'")).getJsonObject("transaction");

        assertThat(t.getString("currency")).isEqualTo("CZK");
        assertThat(t.getString("name")).isEqualTo("Prague Office");
        assertThat(t.getString("purpose")).isEqualTo("Refund 2026-02");
    }

    @Test
    void todayAndTheFirstDayOfTheHistoryAreTheEdgesOfWhatCanBeBooked() {
        assertThat(bookForAnna("'bookingDate':'2026-03-10','amount':1").getStatus()).isEqualTo(201);
        assertThat(bookForAnna("'bookingDate':'2025-02-04','amount':1").getStatus()).isEqualTo(201);
        assertThat(bookForAnna("'bookingDate':'2026-03-11','amount':1").getStatus()).isEqualTo(400);
        assertThat(bookForAnna("'bookingDate':'2025-02-03','amount':1").getStatus()).isEqualTo(400);
    }

    static Stream<Arguments> badBodies() {
        String valid = "'bookingDate':'2026-03-01','amount':1";
        return Stream.of(
                arguments("body", "not json"),
                arguments("body", "[]"),
                arguments("provider", "{'user':'anna'," + valid + "}"),
                arguments("provider", "{'provider':'paypal','user':'anna'," + valid + "}"),
                arguments("user", "{'provider':'nrich'," + valid + "}"),
                arguments("user", "{'provider':'nrich','user':' '," + valid + "}"),
                arguments("user", "{'provider':'nrich','user':7," + valid + "}"),
                arguments("account", "{'provider':'nrich','user':'anna','account':''," + valid + "}"),
                arguments("amout", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01','amout':1}"),
                arguments("bookingDate", "{'provider':'nrich','user':'anna','amount':1}"),
                arguments("bookingDate", "{'provider':'nrich','user':'anna','bookingDate':'2026-3-01','amount':1}"),
                arguments("bookingDate", "{'provider':'nrich','user':'anna','bookingDate':'2026-02-30','amount':1}"),
                arguments("bookingDate", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-11','amount':1}"),
                arguments("bookingDate", "{'provider':'nrich','user':'anna','bookingDate':'2025-02-03','amount':1}"),
                arguments("amount", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01'}"),
                arguments("amount", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01','amount':'12.50'}"),
                arguments("amount", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01','amount':0}"),
                arguments("amount", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01','amount':1.005}"),
                arguments("amount", "{'provider':'nrich','user':'anna','bookingDate':'2026-03-01','amount':-1e12}"),
                arguments("currency", "{'provider':'nrich','user':'anna'," + valid + ",'currency':'eur'}"),
                arguments("currency", "{'provider':'nrich','user':'anna'," + valid + ",'currency':'ABC'}"),
                arguments("counterpartyName", "{'provider':'nrich','user':'anna'," + valid + ",'counterpartyName':''}"),
                arguments("purpose", "{'provider':'nrich','user':'anna'," + valid + ",'purpose':42}"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badBodies")
    void aBadFieldIsRefusedWith400NamingItAndBooksNothing(String field, String body) {
        Ledger before = sandbox.nrichData().ledger("anna");

        Response response = post(body);

        assertThat(response.getStatus()).isEqualTo(400);
        JsonObject error = TestSupport.json(response);
        assertThat(error.getString("error")).isEqualTo("invalid_request");
        assertThat(error.getString("error_description")).contains(field);
        assertThat(sandbox.nrichData().ledger("anna")).isEqualTo(before);
    }

    @Test
    void aUserTheProviderNeverGaveAccessToOrAnAccountTheUserHasNotIsNotFoundAndBooksNothing() {
        Ledger before = sandbox.nrichData().ledger("anna");
        String strangersIban = Ibans.of("DE", "10020030" + "1234567890");

        Response neverConnected = post("{'provider':'nrich','user':'ben','bookingDate':'2026-03-01','amount':1}");
        Response onlyAtNrich = post("{'provider':'bank','user':'anna','bookingDate':'2026-03-01','amount':1}");
        Response unknownId = bookForAnna("'account':'A00000000.1','bookingDate':'2026-03-01','amount':1");
        Response unknownIban = bookForAnna("'account':'" + strangersIban + "','bookingDate':'2026-03-01','amount':1");

        for (Response response : new Response[] {neverConnected, onlyAtNrich, unknownId, unknownIban}) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(TestSupport.json(response).getString("error")).isEqualTo("not_found");
        }
        assertThat(TestSupport.json(neverConnected).getString("error_description")).contains("ben");
        assertThat(TestSupport.json(unknownId).getString("error_description")).contains("A00000000.1");
        assertThat(sandbox.nrichData().ledger("anna")).isEqualTo(before);
    }

    @Test
    void aRevokedAccessStillNamesAUserWhoseDataCanBeBooked() {
        control.revoke("{\"provider\":\"nrich\",\"user\":\"anna\"}");

        assertThat(bookForAnna("'bookingDate':'2026-03-01','amount':1").getStatus()).isEqualTo(201);
    }

    @Test
    void resetForgetsLateBookingsAndTheUsersTheyWereFor() {
        String id = TestSupport.json(bookForAnna("'bookingDate':'2026-03-01','amount':1")).getJsonObject("transaction")
                .getString("transaction_id");

        assertThat(control.reset().getStatus()).isEqualTo(204);

        assertThat(bookForAnna("'bookingDate':'2026-03-01','amount':1").getStatus()).isEqualTo(404);
        String fresh = nrich.connect("anna").getString("access_token");
        Response transactions = nrich.data.transactions("Bearer " + fresh, null, "1000", "0", null, "2026-03-01",
                "2026-03-01", null, null, null);
        assertThat(TestSupport.json(transactions).getJsonArray("transactions").getValuesAs(JsonObject.class))
                .noneMatch(t -> t.getString("transaction_id").equals(id));
    }
}
