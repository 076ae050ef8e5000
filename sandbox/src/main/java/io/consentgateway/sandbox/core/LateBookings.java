package io.consentgateway.sandbox.core;

import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Nature;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Transactions booked after the fact (late bookings), kept in memory per seed key and merged into the generated
 * ledger on every read.
 * <p>
 * Why: a real bank sometimes books a transaction days after the fact, dated in the past. A client that syncs
 * incrementally, from the latest booking date it stored minus an overlap, finds it only if the overlap reaches back
 * far enough. The generated history never does this (a day's transactions are fixed), so a test adds one here.
 * <p>
 * A late booking is always booked (never pending), even when dated within the days generated history keeps pending.
 * It keeps its id and content while the window moves and leaves the window with its day, like generated history.
 * Its id is random rather than counted, so that no id comes back after a reset: the client's database outlives the
 * sandbox's memory. Thread-safe: each seed key's list is replaced, never changed.
 */
public final class LateBookings {

    /** The counterparty, purpose and booking text of a late booking that names none. */
    public static final String DEFAULT_TEXT = "Late booking";

    private final int historyDays;
    private final Map<String, List<Transaction>> bySeedKey = new ConcurrentHashMap<>();

    /** @param historyDays how many days, ending today, the ledgers these bookings join hold */
    public LateBookings(int historyDays) {
        this.historyDays = historyDays;
    }

    /**
     * Books on {@code account} of the ledger of {@code seedKey}; answers the stored transaction with its new id.
     *
     * @throws IllegalArgumentException when the date is after {@code today} or before the history's first day
     */
    public Transaction book(String seedKey, Account account, LateBooking booking, LocalDate today) {
        LocalDate date = booking.bookingDate();
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("bookingDate must not be after the sandbox's today, " + today);
        }
        LocalDate firstDay = firstDay(today);
        if (date.isBefore(firstDay)) {
            throw new IllegalArgumentException("bookingDate must not be before " + firstDay + ", the first day of the "
                    + historyDays + " days of history");
        }
        Transaction transaction = transaction(account, booking);
        bySeedKey.merge(seedKey, List.of(transaction), LateBookings::concat);
        return transaction;
    }

    /** The generated ledger of {@code seedKey} with its late bookings that lie within its window. */
    public Ledger applyTo(String seedKey, Ledger generated) {
        LocalDate firstDay = firstDay(generated.today());
        List<Transaction> inWindow = bySeedKey.getOrDefault(seedKey, List.of()).stream()
                .filter(t -> !t.bookingDate().isBefore(firstDay) && !t.bookingDate().isAfter(generated.today()))
                .toList();
        return generated.with(inWindow);
    }

    /** Forgets every late booking. */
    public void clear() {
        bySeedKey.clear();
    }

    private LocalDate firstDay(LocalDate today) {
        return today.minusDays(historyDays - 1L);
    }

    private static Transaction transaction(Account account, LateBooking booking) {
        boolean credit = booking.amount().signum() > 0;
        return new Transaction(newId(), account.id(), booking.bookingDate(), booking.bookingDate(), booking.amount(),
                booking.currency() == null ? account.currency() : booking.currency(),
                orDefault(booking.counterpartyName()), null, null, orDefault(booking.purpose()), DEFAULT_TEXT,
                "Transfer", "Other", null, null, null, true, credit ? Nature.INCOME : Nature.VARIABLE_EXPENSE);
    }

    /** "L" and 16 hex digits: as long as a generated id ("T…"), never equal to one. */
    private static String newId() {
        return "L" + String.format(Locale.ROOT, "%016X", ThreadLocalRandom.current().nextLong());
    }

    private static String orDefault(String text) {
        return text == null ? DEFAULT_TEXT : text;
    }

    private static List<Transaction> concat(List<Transaction> earlier, List<Transaction> added) {
        List<Transaction> all = new ArrayList<>(earlier);
        all.addAll(added);
        return List.copyOf(all);
    }
}
