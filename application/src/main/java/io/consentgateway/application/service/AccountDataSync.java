package io.consentgateway.application.service;

import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AccessToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Copies a consent's data from its provider into the {@link AccountDataStore}.
 * <ul>
 *   <li><b>Incremental</b>: the transactions are read from the latest stored booking date minus the overlap
 *       ({@link DataSettings#overlap()}), so a late booking dated a few days back is caught; the store upserts them by
 *       account and id, so none is repeated. The first sync, and a sync that finds an account it has not stored
 *       before, reads the whole history.</li>
 *   <li><b>All or nothing</b>: everything is read first and stored in one transaction; a sync that fails half-way
 *       stores nothing, and the high-water mark stays where it was.</li>
 *   <li><b>Single flight</b>: one sync per consent at a time on this node ({@link KeyedLocks}) and across nodes (the
 *       store's sync lease). Who waited for another's sync looks at the store again and uses that sync when it is
 *       recent enough for it.</li>
 *   <li><b>The PSD2 access budget</b>: a {@link Trigger#BACKGROUND background} sync is made only while the consent has
 *       made fewer than {@link DataSettings#backgroundBudget()} of them in the last 24 hours, and is recorded before the
 *       provider is called (an access counts even if it fails).</li>
 * </ul>
 * The provider call goes through the {@link ConsentReader}, so an expired access token is refreshed and a 401 retried
 * as for every read.
 */
public final class AccountDataSync {

    /** Why a sync is made. */
    public enum Trigger {
        /** The signed-in user reads data older than the max age: the user is present. */
        USER_READ,
        /** A flow completed: the user is present, and one-time data must be taken within the provider's hour. */
        COMPLETION,
        /** The scheduler, nobody asked: counts against the PSD2 access budget. */
        BACKGROUND
    }

    /** How a call to {@link #sync} ended. */
    public enum Outcome {
        /** This call read the provider and stored the data. */
        SYNCED,
        /** Another request synced while this one waited: its data is recent enough. */
        FRESH_ALREADY,
        /** A background sync was not made: the consent's budget of the last 24 hours is spent. */
        BUDGET_SPENT,
        /** Another sync of the consent (on this node or another) did not finish within the wait. */
        BUSY
    }

    /** How long a sync waits for another one of the same consent (on this node or another) before it gives up (BUSY). */
    static final Duration WAIT_FOR_ANOTHER_SYNC = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    private final AccountDataStore store;
    private final ConsentReader reader;
    private final UnitOfWork unitOfWork;
    private final EventRecorder events;
    private final DataSettings settings;
    private final Clock clock;
    private final Duration waitForAnotherSync;
    private final KeyedLocks<ConsentId> inFlight = new KeyedLocks<>();

    public AccountDataSync(AccountDataStore store, ConsentReader reader, DataSettings settings, UnitOfWork unitOfWork,
                           EventRecorder events, Clock clock) {
        this(store, reader, settings, unitOfWork, events, clock, WAIT_FOR_ANOTHER_SYNC);
    }

    AccountDataSync(AccountDataStore store, ConsentReader reader, DataSettings settings, UnitOfWork unitOfWork,
                    EventRecorder events, Clock clock, Duration waitForAnotherSync) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.events = events;
        this.reader = reader;
        this.settings = settings;
        this.clock = clock;
        this.waitForAnotherSync = waitForAnotherSync;
    }

    /**
     * Syncs the consent unless, once it is this call's turn, a sync since {@code neededSince} is stored already.
     *
     * @param neededSince the oldest sync time the caller accepts (a read: now minus the max age; the scheduler: now
     *                    minus the background interval); a sync stored at or after it makes this call's unnecessary
     * @throws io.consentgateway.domain.consent.ConsentNotUsable and the provider failures of a read, unchanged
     * @return {@link Outcome#BUSY} when another sync of the consent held it up for {@link #WAIT_FOR_ANOTHER_SYNC}: a read
     *         then serves what is stored, or asks the user to try again
     */
    public Outcome sync(Consent consent, Trigger trigger, Instant neededSince) {
        return inFlight.withLock(consent.id(), waitForAnotherSync, () -> {
            Predicate<SyncState> recentEnough = state -> state.syncedAt().map(at -> !at.isBefore(neededSince)).orElse(false);
            if (store.syncState(consent.id()).filter(recentEnough).isPresent()) {
                return Outcome.FRESH_ALREADY;
            }
            if (!claim(consent.id(), recentEnough)) {
                return store.syncState(consent.id()).filter(recentEnough).isPresent() ? Outcome.FRESH_ALREADY : Outcome.BUSY;
            }
            try {
                return syncHoldingLease(consent, trigger);
            } finally {
                store.releaseSync(consent.id());
            }
        }).orElse(Outcome.BUSY);
    }

    /** Takes the sync lease, waiting while another node holds it; false once that node's sync is stored, or on time-out. */
    private boolean claim(ConsentId id, Predicate<SyncState> recentEnough) {
        Instant giveUpAt = clock.instant().plus(waitForAnotherSync);
        while (true) {
            Instant now = clock.instant();
            if (store.claimSync(id, now, now.plus(settings.syncLease()))) {
                return true;
            }
            if (store.syncState(id).filter(recentEnough).isPresent() || !now.isBefore(giveUpAt)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Outcome syncHoldingLease(Consent consent, Trigger trigger) {
        Optional<SyncState> state = store.syncState(consent.id());
        Instant now = clock.instant();
        if (trigger == Trigger.BACKGROUND) {
            Instant windowStart = now.minus(DataSettings.BUDGET_WINDOW);
            int used = state.map(s -> s.backgroundSyncsSince(windowStart)).orElse(0);
            if (used >= settings.backgroundBudget()) {
                return Outcome.BUDGET_SPENT;
            }
            store.recordBackgroundSync(consent.id(), now, windowStart);
        }
        Optional<LocalDate> window = state.flatMap(SyncState::latestBookingDate)
                .map(latest -> latest.minusDays(settings.overlap().toDays()));
        Set<String> storedAccounts = state.isPresent()
                ? store.accounts(consent.id()).stream().map(Account::id).collect(Collectors.toSet())
                : Set.of();
        BiFunction<ConsentProvider, AccessToken, Read> readAll =
                (provider, token) -> readAll(consent, provider, token, window, storedAccounts);
        // A user whose data is stored gets it at once when the provider cannot take the sync now; the others wait for it.
        Read read = switch (trigger) {
            case USER_READ -> state.flatMap(SyncState::syncedAt).isPresent()
                    ? reader.readOrFailFast(consent, readAll) : reader.read(consent, readAll);
            case COMPLETION, BACKGROUND -> reader.readWithoutUser(consent, readAll);
        };
        Instant syncedAt = clock.instant();
        SyncRun run = new SyncRun(read.accounts(), read.transactions(), read.window(), read.incomeReport(), syncedAt,
                retentionOf(consent, syncedAt));
        return unitOfWork.inTransaction(() -> {
            store.store(consent.id(), run);
            if (trigger != Trigger.USER_READ) {
                // The fintech hears of the syncs it did not ask for; a read's own sync is in the read's answer.
                events.dataSynced(consent, syncedAt);
            }
            return Outcome.SYNCED;
        });
    }

    private record Read(List<Account> accounts, List<Transaction> transactions, Optional<LocalDate> window,
                        Optional<IncomeReport> incomeReport) {
    }

    /** Everything one sync stores, read with one access token. */
    private static Read readAll(Consent consent, ConsentProvider provider, AccessToken token, Optional<LocalDate> window,
                                Set<String> storedAccounts) {
        List<Account> accounts = provider.accounts(token);
        // An account not stored before has no high-water mark of its own: read its whole history with the rest.
        boolean newAccount = accounts.stream().anyMatch(account -> !storedAccounts.contains(account.id()));
        Optional<LocalDate> from = newAccount ? Optional.empty() : window;
        List<Transaction> transactions = provider.transactions(token, new TransactionFilter(List.of(), from, Optional.empty()));
        Optional<IncomeReport> report = consent.kind() == ConsentKind.INCOME_REPORT
                ? Optional.of(provider.incomeReport(token, consent.providerFlowId().orElseThrow(() ->
                        new IllegalStateException("an income-report consent keeps its provider flow id"))))
                : Optional.empty();
        return new Read(accounts, transactions, from, report);
    }

    /**
     * A one-time or income-report snapshot stays readable for the one-time retention after it was taken, and at least
     * as long as the provider's own access lasts; an ongoing consent's data has no end while the consent lives.
     */
    private Optional<Instant> retentionOf(Consent consent, Instant syncedAt) {
        if (consent.kind().isOngoing()) {
            return Optional.empty();
        }
        Instant snapshotEnd = syncedAt.plus(settings.oneTimeRetention());
        return Optional.of(snapshotEnd.isAfter(consent.expiresAt()) ? snapshotEnd : consent.expiresAt());
    }
}
