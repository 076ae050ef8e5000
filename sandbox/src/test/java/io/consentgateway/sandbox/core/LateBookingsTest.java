package io.consentgateway.sandbox.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LateBookingsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final int HISTORY_DAYS = 400;

    private final LateBookings bookings = new LateBookings(HISTORY_DAYS);
    private final Ledger generated = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY, HISTORY_DAYS);
    private final Account account = generated.accounts().get(0);

    private static LateBooking booking(String date, String amount) {
        return new LateBooking(LocalDate.parse(date), new BigDecimal(amount), null, null, null);
    }

    @Test
    void aBookingJoinsItsAccountOnceNewestFirstAndLeavesTheGeneratedLedgerAlone() {
        Transaction booked = bookings.book("anna", account, booking("2026-02-18", "-42.5"), TODAY);

        List<Transaction> merged = bookings.applyTo("anna", generated).transactionsOf(account.id());

        assertThat(merged).containsOnlyOnce(booked).hasSize(generated.transactionsOf(account.id()).size() + 1)
                .isSortedAccordingTo(SyntheticLedger.NEWEST_FIRST);
        assertThat(booked.id()).matches("L[0-9A-F]{16}");
        assertThat(booked.bookingDate()).isEqualTo(booked.valueDate()).isEqualTo(LocalDate.of(2026, 2, 18));
        assertThat(booked.amount()).isEqualTo(new BigDecimal("-42.50"));
        assertThat(booked.currency()).isEqualTo(account.currency());
        assertThat(booked.counterparty()).isEqualTo(booked.purpose()).isEqualTo(LateBookings.DEFAULT_TEXT);
        assertThat(booked.booked()).isTrue();
        assertThat(generated.transactionsOf(account.id())).doesNotContain(booked);
    }

    @Test
    void bookingsStayWithTheirSeedKey() {
        bookings.book("anna", account, booking("2026-02-18", "10"), TODAY);

        assertThat(bookings.applyTo("ben", generated)).isSameAs(generated);
    }

    @Test
    void aDateAfterTodayOrBeforeTheHistoryIsRefusedAndNothingIsKept() {
        assertThatThrownBy(() -> bookings.book("anna", account, booking("2026-03-11", "1"), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> bookings.book("anna", account, booking("2025-02-03", "1"), TODAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-02-04");

        assertThat(bookings.applyTo("anna", generated)).isSameAs(generated);
    }

    @Test
    void aBookingOnTheHistorysFirstDayLeavesTheWindowWithThatDay() {
        Transaction oldest = bookings.book("anna", account, booking("2025-02-04", "1"), TODAY);
        Ledger tomorrow = SyntheticLedger.generate(Profiles.GERMANY, "anna", TODAY.plusDays(1), HISTORY_DAYS);

        assertThat(bookings.applyTo("anna", generated).transactionsOf(account.id())).contains(oldest);
        assertThat(bookings.applyTo("anna", tomorrow).transactionsOf(account.id())).doesNotContain(oldest);
    }

    @Test
    void concurrentBookingsAreAllKeptExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Transaction>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                LateBooking booking = booking(TODAY.minusDays(i % 30).toString(), String.valueOf(i + 1));
                futures.add(pool.submit(() -> bookings.book("anna", account, booking, TODAY)));
            }
            List<Transaction> booked = new ArrayList<>();
            for (Future<Transaction> f : futures) {
                booked.add(f.get());
            }

            List<Transaction> merged = bookings.applyTo("anna", generated).transactionsOf(account.id());
            assertThat(merged).containsAll(booked).doesNotHaveDuplicates()
                    .hasSize(generated.transactionsOf(account.id()).size() + booked.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clearForgetsEveryBooking() {
        bookings.book("anna", account, booking("2026-02-18", "1"), TODAY);

        bookings.clear();

        assertThat(bookings.applyTo("anna", generated)).isSameAs(generated);
    }

    @Test
    void amountsAreKeptWithTwoDecimals() {
        assertThat(booking("2026-02-18", "1.5").amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(booking("2026-02-18", "2.500").amount()).isEqualTo(new BigDecimal("2.50"));
        assertThat(booking("2026-02-18", "1E+3").amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(booking("2026-02-18", "-999999999.99").amount()).isEqualTo(new BigDecimal("-999999999.99"));
    }

    @Test
    void aZeroTooPreciseOrTooLargeAmountABadCurrencyOrABlankTextIsRefused() {
        LocalDate date = LocalDate.of(2026, 2, 18);
        BigDecimal one = BigDecimal.ONE;

        assertThatThrownBy(() -> booking("2026-02-18", "0.00")).hasMessageContaining("zero");
        assertThatThrownBy(() -> booking("2026-02-18", "1.005")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> booking("2026-02-18", "-1000000000")).hasMessageContaining("less than");
        assertThatThrownBy(() -> new LateBooking(null, one, null, null, null)).hasMessageContaining("bookingDate");
        assertThatThrownBy(() -> new LateBooking(date, null, null, null, null)).hasMessageContaining("amount");
        assertThatThrownBy(() -> new LateBooking(date, one, "eur", null, null)).hasMessageContaining("currency");
        assertThatThrownBy(() -> new LateBooking(date, one, "ABC", null, null)).hasMessageContaining("currency");
        assertThatThrownBy(() -> new LateBooking(date, one, null, " ", null)).hasMessageContaining("counterpartyName");
        assertThatThrownBy(() -> new LateBooking(date, one, null, null, "x".repeat(141))).hasMessageContaining("purpose");
        assertThat(new LateBooking(date, one, "CZK", "x".repeat(140), null).currency()).isEqualTo("CZK");
    }
}
