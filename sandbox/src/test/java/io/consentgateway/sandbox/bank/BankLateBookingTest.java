package io.consentgateway.sandbox.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.core.Ibans;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.web.ControlResource;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A late booking ({@code POST /control/bookings}) at the bank: served exactly once, with its booking date, in its
 * place by date, on every page and under every filter that covers it.
 */
class BankLateBookingTest {

    private static final String DATE = "2026-02-18";

    private final BankJourney bank = new BankJourney();
    private final ControlResource control = new ControlResource(bank.sandbox);
    private final String user = aUserWithSeveralAccounts();
    private final String access = bank.connect(user).getString("access_token");

    /** A second account shows that a booking stays on its own. */
    private String aUserWithSeveralAccounts() {
        return IntStream.range(0, 50).mapToObj(i -> "user" + i)
                .filter(u -> bank.sandbox.bankData().ledger(u).accounts().size() > 1).findFirst().orElseThrow();
    }

    private List<String> ibans() {
        return TestSupport.json(bank.accounts(access)).getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("iban")).toList();
    }

    private Response book(String user, String fields) {
        return control.addBooking("{\"provider\":\"bank\",\"user\":\"" + user + "\"," + fields + "}");
    }

    /** Books for the connected user; answers the 201 answer. */
    private JsonObject book(String fields) {
        Response response = book(user, fields);
        assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(201);
        return TestSupport.json(response);
    }

    /** Every transaction of an account the bank serves, page after page of {@code pageSize}, with extra filter fields. */
    private List<JsonObject> walk(String iban, int pageSize, String filter) {
        List<JsonObject> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Response response = bank.transactions(access, "{\"iban\":\"" + iban + "\",\"page\":" + page
                    + ",\"pageSize\":" + pageSize + filter + "}");
            assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(200);
            JsonObject body = TestSupport.json(response);
            all.addAll(body.getJsonArray("transactions").getValuesAs(JsonObject.class));
            if (page >= body.getInt("totalPages")) {
                return all;
            }
        }
    }

    private static List<String> ids(List<JsonObject> transactions) {
        return transactions.stream().map(t -> t.getString("transactionId")).toList();
    }

    @Test
    void theBookingIsServedOnceInItsPlaceByDateOnEveryPageSize() {
        JsonObject answer = book("\"bookingDate\":\"" + DATE + "\",\"amount\":1250,\"counterpartyName\":\"Late Employer\"");
        JsonObject booked = answer.getJsonObject("transaction");
        String id = booked.getString("transactionId");

        assertThat(answer.getString("iban")).as("the first account the bank lists").isEqualTo(ibans().get(0));
        for (int pageSize : List.of(10, 100)) {
            List<JsonObject> all = walk(answer.getString("iban"), pageSize, "");
            assertThat(ids(all)).as("pageSize=%d", pageSize).containsOnlyOnce(id).doesNotHaveDuplicates();
            assertThat(all.stream().map(t -> LocalDate.parse(t.getString("valueDate"))).toList())
                    .isSortedAccordingTo(Comparator.reverseOrder());
            assertThat(all).as("the control answers the transaction as the bank serves it").contains(booked);
        }
        assertThat(booked.getString("status")).isEqualTo("BOOK");
        assertThat(booked.getString("bookingDate")).isEqualTo(DATE);
        assertThat(booked.getJsonObject("transactionAmount").getString("amount")).isEqualTo("1250.00");
        assertThat(booked.getJsonObject("transactionAmount").getString("currency")).isEqualTo("EUR");
        assertThat(booked.getString("creditDebitIndicator")).isEqualTo("CRDT");
        assertThat(booked.getString("counterpartyName")).isEqualTo("Late Employer");
    }

    @Test
    void dateFromAndDateToServeTheBookingOnlyWhenTheyCoverIt() {
        String iban = ibans().get(0);
        String id = book("\"bookingDate\":\"" + DATE + "\",\"amount\":-7.20").getJsonObject("transaction")
                .getString("transactionId");

        assertThat(ids(walk(iban, 10, ",\"dateFrom\":\"" + DATE + "\",\"dateTo\":\"" + DATE + "\""))).containsOnlyOnce(id);
        assertThat(ids(walk(iban, 100, ",\"status\":\"BOOK\",\"dateFrom\":\"2026-02-01\",\"dateTo\":\"2026-02-28\"")))
                .containsOnlyOnce(id);
        assertThat(ids(walk(iban, 100, ",\"dateFrom\":\"2026-02-19\""))).doesNotContain(id);
        assertThat(ids(walk(iban, 100, ",\"dateTo\":\"2026-02-17\""))).doesNotContain(id);
    }

    @Test
    void aBookingDatedTodayIsBookedNotPending() {
        String iban = ibans().get(0);
        String id = book("\"bookingDate\":\"2026-03-10\",\"amount\":-1").getJsonObject("transaction")
                .getString("transactionId");

        assertThat(ids(walk(iban, 100, ",\"status\":\"BOOK\",\"dateFrom\":\"2026-03-10\""))).containsOnlyOnce(id);
        assertThat(ids(walk(iban, 100, ",\"status\":\"INFO\""))).doesNotContain(id);
    }

    @Test
    void aBookingOnAnAccountNamedByItsPrintedIbanStaysOnThatAccount() {
        String second = ibans().get(1);
        String printed = second.replaceAll("(.{4})(?!$)", "$1 ");

        JsonObject answer = book("\"account\":\"" + printed + "\",\"bookingDate\":\"" + DATE + "\",\"amount\":-3");
        String id = answer.getJsonObject("transaction").getString("transactionId");

        assertThat(answer.getString("iban")).isEqualTo(second);
        assertThat(ids(walk(second, 100, ""))).containsOnlyOnce(id);
        assertThat(ids(walk(ibans().get(0), 100, ""))).doesNotContain(id);
    }

    @Test
    void aLoginWithoutConsentOrAnotherUsersIbanIsNotFoundAndBooksNothing() {
        Ledger before = bank.sandbox.bankData().ledger(user);
        String strangersIban = Ibans.of("SK", "1100" + "000000" + "1234567890");

        Response noConsent = book("eva", "\"bookingDate\":\"" + DATE + "\",\"amount\":1");
        Response notHers = book(user, "\"account\":\"" + strangersIban + "\",\"bookingDate\":\"" + DATE
                + "\",\"amount\":1");

        assertThat(noConsent.getStatus()).isEqualTo(404);
        assertThat(TestSupport.json(noConsent).getString("error")).isEqualTo("not_found");
        assertThat(notHers.getStatus()).isEqualTo(404);
        assertThat(bank.sandbox.bankData().ledger(user)).isEqualTo(before);
    }
}
