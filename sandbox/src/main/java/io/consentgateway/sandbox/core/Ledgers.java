package io.consentgateway.sandbox.core;

import io.consentgateway.sandbox.core.SyntheticLedger.Account;
import io.consentgateway.sandbox.core.SyntheticLedger.Ledger;
import io.consentgateway.sandbox.core.SyntheticLedger.Profile;
import io.consentgateway.sandbox.core.SyntheticLedger.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ledgers one simulated provider serves: generated from a {@link Profile} per key (nrich's seed key, the bank's
 * login name) and the simulator's today, the same for the same key and day, plus the {@link LateBookings} a test
 * added. A generated ledger is kept for the day (at most {@value #MAX_CACHED}, then all are dropped and generated
 * again); late bookings are kept until {@link #clearLateBookings()}.
 */
public final class Ledgers {
    private static final int MAX_CACHED = 256;

    private final SandboxClock clock;
    private final Profile profile;
    private final int historyDays;
    private final Map<String, Ledger> generated = new ConcurrentHashMap<>();
    private final LateBookings lateBookings;

    /** @param historyDays how many days, ending today, each ledger holds */
    public Ledgers(SandboxClock clock, Profile profile, int historyDays) {
        this.clock = clock;
        this.profile = profile;
        this.historyDays = historyDays;
        this.lateBookings = new LateBookings(historyDays);
    }

    /** The whole ledger of {@code key} as of the simulator's today, late bookings included. */
    public Ledger ledger(String key) {
        return lateBookings.applyTo(key, generated(key));
    }

    /** The accounts of {@code key}, in the order they were generated. */
    public List<Account> accounts(String key) {
        return generated(key).accounts();
    }

    /** The account of {@code key} that {@code reference} names ({@link Account#isNamed}); empty when there is none. */
    public Optional<Account> account(String key, String reference) {
        return accounts(key).stream().filter(a -> a.isNamed(reference)).findFirst();
    }

    /**
     * Books a transaction after the fact on an account of {@code key}: from now on {@link #ledger} holds it.
     * {@link IllegalArgumentException} when its date is outside the history.
     */
    public Transaction book(String key, Account account, LateBooking booking) {
        return lateBookings.book(key, account, booking, clock.today());
    }

    /** Forgets every late booking. */
    public void clearLateBookings() {
        lateBookings.clear();
    }

    private Ledger generated(String key) {
        LocalDate today = clock.today();
        if (generated.size() > MAX_CACHED) {
            generated.clear();
        }
        return generated.computeIfAbsent(key + "|" + today,
                k -> SyntheticLedger.generate(profile, key, today, historyDays));
    }
}
