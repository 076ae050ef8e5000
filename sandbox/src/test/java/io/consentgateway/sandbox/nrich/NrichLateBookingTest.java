package io.consentgateway.sandbox.nrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.consentgateway.sandbox.NrichJourney;
import io.consentgateway.sandbox.TestSupport;
import io.consentgateway.sandbox.web.ControlResource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A late booking ({@code POST /control/bookings}) at nrich: served exactly once, with its date, in its place by date,
 * on every page and under every filter that covers it, with an id that does not change.
 */
class NrichLateBookingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    /** Twenty days back: before the overlap of a sync that last stored the latest booked day. */
    private static final String DATE = "2026-02-18";

    private final NrichJourney nrich = new NrichJourney();
    private final ControlResource control = new ControlResource(nrich.sandbox);
    private final String user = aUserWithSeveralAccounts();
    private final JsonObject tokens = nrich.connect(user);
    private final String bearer = "Bearer " + tokens.getString("access_token");

    /** The account filter is only worth testing with a second account beside the booked one. */
    private String aUserWithSeveralAccounts() {
        return IntStream.range(0, 50).mapToObj(i -> "user" + i)
                .filter(u -> nrich.sandbox.nrichData().ledger(u).accounts().size() > 1).findFirst().orElseThrow();
    }

    /** Books with the given fields; answers the transaction of the 201 answer. */
    private JsonObject book(String fields) {
        Response response = control.addBooking("{\"provider\":\"nrich\",\"user\":\"" + user + "\"," + fields + "}");
        assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(201);
        return TestSupport.json(response).getJsonObject("transaction");
    }

    private String bookOn(String date) {
        return book("\"bookingDate\":\"" + date + "\",\"amount\":-42.50").getString("transaction_id");
    }

    private List<JsonObject> walk(int count, String since, String until) {
        return walk(bearer, null, count, null, since, until);
    }

    /** Every transaction a query serves, page after page of {@code count}, as a client walks them. */
    private List<JsonObject> walk(String authorization, String accounts, int count, String sort, String since,
                                  String until) {
        List<JsonObject> all = new ArrayList<>();
        for (int offset = 0; ; offset += count) {
            Response response = nrich.data.transactions(authorization, accounts, String.valueOf(count),
                    String.valueOf(offset), sort, since, until, null, null, null);
            assertThat(response.getStatus()).as("%s", response.getEntity()).isEqualTo(200);
            JsonArray page = TestSupport.json(response).getJsonArray("transactions");
            page.forEach(v -> all.add(v.asJsonObject()));
            if (page.size() < count) {
                return all;
            }
        }
    }

    private static List<String> ids(List<JsonObject> transactions) {
        return transactions.stream().map(t -> t.getString("transaction_id")).toList();
    }

    private static List<LocalDate> dates(List<JsonObject> transactions) {
        return transactions.stream().map(t -> LocalDate.parse(t.getString("booking_date"))).toList();
    }

    private static JsonObject find(List<JsonObject> transactions, String id) {
        return transactions.stream().filter(t -> t.getString("transaction_id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theBookingIsServedOnceWithItsDateInItsPlaceByDate() {
        JsonObject booked = book("\"bookingDate\":\"" + DATE + "\",\"amount\":-42.50,"
                + "\"counterpartyName\":\"Late Shop\",\"purpose\":\"Invoice 17\"");
        String id = booked.getString("transaction_id");

        List<JsonObject> newestFirst = walk(bearer, null, 1000, "desc", null, null);
        List<JsonObject> oldestFirst = walk(bearer, null, 1000, "asc", null, null);

        assertThat(ids(newestFirst)).containsOnlyOnce(id).doesNotHaveDuplicates();
        assertThat(dates(newestFirst)).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(ids(oldestFirst)).containsOnlyOnce(id).doesNotHaveDuplicates();
        assertThat(dates(oldestFirst)).isSorted();
        JsonObject served = find(newestFirst, id);
        assertThat(served).as("the control answers the transaction as nrich serves it").isEqualTo(booked);
        assertThat(served.getString("booking_date")).isEqualTo(DATE);
        assertThat(served.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("-42.50");
        assertThat(served.getString("name")).isEqualTo("Late Shop");
        assertThat(served.getString("purpose")).isEqualTo("Invoice 17");
        assertThat(served.getBoolean("booked")).isTrue();
    }

    @Test
    void aDateRangeCoveringTheBookingServesItAndOneBesideItDoesNot() {
        String id = bookOn(DATE);

        assertThat(ids(walk(1000, DATE, DATE))).containsOnlyOnce(id);
        assertThat(ids(walk(1000, "2026-02-01", "2026-02-28"))).containsOnlyOnce(id);
        assertThat(ids(walk(1000, "2026-02-19", null))).doesNotContain(id);
        assertThat(ids(walk(1000, null, "2026-02-17"))).doesNotContain(id);
    }

    @Test
    void anIncrementalSyncFindsALateBookingInsideItsOverlapOnly() {
        // The latest booked day is two days back (the last two are pending); the sync re-reads from 7 days before it.
        String since = TODAY.minusDays(2 + 7).toString();
        String inside = bookOn(TODAY.minusDays(5).toString());
        String outside = bookOn(TODAY.minusDays(20).toString());

        assertThat(ids(walk(1000, since, null))).containsOnlyOnce(inside).doesNotContain(outside);
    }

    @Test
    void walkingThePagesServesTheBookingExactlyOnceWhateverTheirSize() {
        String id = bookOn(DATE);

        for (int count : List.of(1000, 200, 37)) {
            assertThat(ids(walk(count, null, null))).as("count=%d", count).containsOnlyOnce(id).doesNotHaveDuplicates();
        }
    }

    @Test
    void theAccountFilterServesTheBookingOnTheAccountNamedByItsIbanOnly() {
        JsonArray accounts = TestSupport.json(nrich.accounts(tokens.getString("access_token"))).getJsonArray("accounts");
        String first = accounts.getJsonObject(0).getString("account_id");
        String second = accounts.getJsonObject(1).getString("account_id");

        JsonObject booked = book("\"account\":\"" + accounts.getJsonObject(1).getString("iban") + "\","
                + "\"bookingDate\":\"" + DATE + "\",\"amount\":3.10");
        String id = booked.getString("transaction_id");

        assertThat(booked.getString("account_id")).isEqualTo(second);
        assertThat(ids(walk(bearer, second, 200, null, null, null))).containsOnlyOnce(id);
        assertThat(ids(walk(bearer, first, 200, null, null, null))).doesNotContain(id);
        Response perAccount = nrich.data.accountTransactions(bearer, second, null, null, null, DATE, DATE, null, null, null);
        assertThat(ids(TestSupport.json(perAccount).getJsonArray("transactions").getValuesAs(JsonObject.class)))
                .containsOnlyOnce(id);
    }

    @Test
    void withoutAnAccountTheBookingGoesToTheFirstAccountListed() {
        JsonObject first = TestSupport.json(nrich.accounts(tokens.getString("access_token")))
                .getJsonArray("accounts").getJsonObject(0);

        assertThat(book("\"bookingDate\":\"" + DATE + "\",\"amount\":1").getString("account_id"))
                .isEqualTo(first.getString("account_id"));
    }

    @Test
    void aBookingDatedTodayIsServedAsBookedNotPending() {
        String id = bookOn(TODAY.toString());

        JsonObject served = find(walk(1000, TODAY.toString(), null), id);

        assertThat(served.getBoolean("booked")).isTrue();
    }

    @Test
    void theIdAndContentStayTheSameOnEveryReadAndWhenTheDayMovesOn() {
        String id = bookOn(DATE);
        JsonObject firstRead = find(walk(1000, DATE, DATE), id);

        assertThat(find(walk(1000, DATE, DATE), id)).isEqualTo(firstRead);
        nrich.sandbox.clock().advance(Duration.ofDays(1));
        JsonObject refreshed = TestSupport.json(nrich.refresh(tokens.getString("refresh_token")));
        String nextDay = "Bearer " + refreshed.getString("access_token");
        assertThat(find(walk(nextDay, null, 1000, null, DATE, DATE), id)).isEqualTo(firstRead);
    }
}
