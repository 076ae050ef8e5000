package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.IncomeReport;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.booked;
import static io.consentgateway.application.port.out.contract.PortFixtures.emptyIncomeReport;
import static io.consentgateway.application.port.out.contract.PortFixtures.pending;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainTransaction;
import static io.consentgateway.application.port.out.contract.PortFixtures.richAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.richIncomeReport;
import static io.consentgateway.application.port.out.contract.PortFixtures.richTransaction;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link AccountDataStore} implementation must do (the in-memory reference, H2, PostgreSQL): the sync
 * record and its lease, what a stored run replaces and what it keeps, the keyset pages of transactions, the
 * background-sync ledger, and retention. A subclass provides an empty store per test through {@link #store()}.
 *
 * <p>Atomicity of {@link AccountDataStore#store} and joining a caller's transaction are not part of this contract:
 * the in-memory reference has no rollback. The database adapters test them on their own.
 */
public abstract class AccountDataStoreContract {
    private static final Instant NOW = T0.plus(Duration.ofDays(30));
    private static final Instant LEASE_END = NOW.plus(Duration.ofMinutes(2));
    /** A day on which many things happen: the window of incremental runs, a page boundary. */
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    /** The order of a page, as {@link TransactionSlice} defines it; the reference the paging tests hold pages to. */
    private static final Comparator<Transaction> NEWEST_FIRST = Comparator
            .comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN), Comparator.reverseOrder())
            .thenComparing(Transaction::accountId)
            .thenComparing(Transaction::id);

    private final ConsentId consent = ConsentId.random();
    private final ConsentId otherConsent = ConsentId.random();

    /** The store under test; empty at the start of each test, the same instance throughout one test. */
    protected abstract AccountDataStore store();

    // ---- the record: before and after claims and runs ----

    @Test
    void nothingIsKnownOfAConsentNeverClaimedNorStored() {
        assertThat(store().syncState(consent)).isEmpty();
        assertThat(store().accounts(consent)).isEmpty();
        assertThat(store().transactions(consent, all(10))).isEmpty();
        assertThat(store().incomeReport(consent)).isEmpty();
        assertThat(store().syncStates(List.of(consent))).isEmpty();
    }

    @Test
    void aClaimCreatesTheRecordWithTheAttemptAndNothingElse() {
        assertThat(store().claimSync(consent, NOW, LEASE_END)).isTrue();

        SyncState state = store().syncState(consent).orElseThrow();
        assertThat(state.lastAttemptAt()).contains(NOW);
        assertThat(state.syncedAt()).isEmpty();
        assertThat(state.latestBookingDate()).isEmpty();
        assertThat(state.retainUntil()).isEmpty();
        assertThat(state.backgroundSyncs()).isEmpty();
        assertThat(state.transactionCount()).isZero();
    }

    @Test
    void aStoredRunSetsTheSyncTimeAndKeepsTheAttempt() {
        store().claimSync(consent, NOW, LEASE_END);
        Instant syncedAt = NOW.plusSeconds(7);

        store().store(consent, run(syncedAt, List.of(booked("giro", "t1", DAY))));

        SyncState state = store().syncState(consent).orElseThrow();
        assertThat(state.syncedAt()).contains(syncedAt);
        assertThat(state.lastAttemptAt()).contains(NOW);
        assertThat(state.transactionCount()).isEqualTo(1);
    }

    @Test
    void aRunStoredWithoutAClaimCreatesTheRecord() {
        store().store(consent, run(NOW, List.of()));

        SyncState state = store().syncState(consent).orElseThrow();
        assertThat(state.syncedAt()).contains(NOW);
        assertThat(state.lastAttemptAt()).isEmpty();
        assertThat(state.transactionCount()).isZero();
    }

    @Test
    void syncStatesAnswersForTheConsentsWithARecordOnly() {
        store().claimSync(consent, NOW, LEASE_END);
        store().store(otherConsent, run(NOW, List.of(booked("giro", "t1", DAY))));
        ConsentId unknown = ConsentId.random();

        Map<ConsentId, SyncState> states = store().syncStates(List.of(consent, otherConsent, unknown));

        assertThat(states).containsOnlyKeys(consent, otherConsent);
        assertThat(states.get(consent)).isEqualTo(store().syncState(consent).orElseThrow());
        assertThat(states.get(otherConsent)).isEqualTo(store().syncState(otherConsent).orElseThrow());
        assertThat(store().syncStates(List.of())).isEmpty();
    }

    // ---- the sync lease ----

    @Test
    void aSecondClaimFailsWhileTheLeaseRunsAndLeavesTheAttemptAlone() {
        assertThat(store().claimSync(consent, NOW, LEASE_END)).isTrue();

        assertThat(store().claimSync(consent, NOW.plusSeconds(1), LEASE_END.plusSeconds(1))).isFalse();

        assertThat(store().syncState(consent).orElseThrow().lastAttemptAt()).contains(NOW);
    }

    @Test
    void aReleasedLeaseCanBeClaimedAgainAtOnce() {
        store().claimSync(consent, NOW, LEASE_END);

        store().releaseSync(consent);

        assertThat(store().claimSync(consent, NOW.plusSeconds(1), LEASE_END)).isTrue();
        assertThat(store().syncState(consent).orElseThrow().lastAttemptAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void aLeaseLapsesAtItsEnd() {
        store().claimSync(consent, NOW, LEASE_END);

        assertThat(store().claimSync(consent, LEASE_END.minusNanos(1000), LEASE_END.plusSeconds(60))).isFalse();
        assertThat(store().claimSync(consent, LEASE_END, LEASE_END.plusSeconds(60))).isTrue();
        assertThat(store().syncState(consent).orElseThrow().lastAttemptAt()).contains(LEASE_END);
    }

    @Test
    void theLeaseOfOneConsentDoesNotHoldAnother() {
        store().claimSync(consent, NOW, LEASE_END);

        assertThat(store().claimSync(otherConsent, NOW, LEASE_END)).isTrue();
    }

    @Test
    void releasingAConsentWithoutARecordCreatesNone() {
        store().releaseSync(consent);

        assertThat(store().syncState(consent)).isEmpty();
    }

    @Test
    @Timeout(60)
    void ofConcurrentClaimsOfOneConsentExactlyOneGetsTheLease() throws Exception {
        int claimers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return store().claimSync(consent, NOW, LEASE_END);
                }));
            }
            start.countDown();
            int granted = 0;
            for (Future<Boolean> claim : claims) {
                granted += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- accounts ----

    @Test
    void accountsReadBackWithEveryFieldAndWithNone() {
        Account rich = richAccount("acc-rich");
        Account plain = plainAccount("acc-plain");

        store().store(consent, run(NOW, List.of(rich, plain), List.of()));

        assertThat(store().accounts(consent)).containsExactlyInAnyOrder(rich, plain);
    }

    @Test
    void accountsComeInTheOrderOfTheirIdsAsJavaStrings() {
        List<Account> accounts = List.of(plainAccount("giro"), plainAccount("Giro"), plainAccount("10"),
                plainAccount("9"), plainAccount("été"), plainAccount("zz"));

        store().store(consent, run(NOW, accounts, List.of()));

        assertThat(store().accounts(consent)).extracting(Account::id).containsExactly("10", "9", "Giro", "giro", "zz", "été");
    }

    @Test
    void aRunsAccountsReplaceTheStoredOnes() {
        Account closed = plainAccount("closed");
        Account kept = plainAccount("kept");
        store().store(consent, run(NOW, List.of(closed, kept), List.of()));
        Account keptRenamed = richAccount("kept");
        Account opened = plainAccount("opened");

        store().store(consent, run(NOW.plusSeconds(60), List.of(opened, keptRenamed), List.of()));

        assertThat(store().accounts(consent)).containsExactly(keptRenamed, opened);

        store().store(consent, run(NOW.plusSeconds(120), List.of(), List.of()));

        assertThat(store().accounts(consent)).as("a run without accounts leaves none").isEmpty();
    }

    // ---- transactions: what is stored ----

    @Test
    void transactionsReadBackWithEveryFieldAndWithNone() {
        Transaction rich = richTransaction("giro", "rich", DAY);
        Transaction plain = plainTransaction("giro", "plain", Optional.empty(), Optional.empty(), false);

        store().store(consent, run(NOW, List.of(rich, plain)));

        assertThat(store().transactions(consent, all(10))).containsExactly(rich, plain);
    }

    @Test
    void theSameIdInTwoAccountsIsTwoTransactions() {
        Transaction inGiro = booked("giro", "shared-id", DAY);
        Transaction inSavings = booked("savings", "shared-id", DAY);

        store().store(consent, run(NOW, List.of(inGiro, inSavings)));

        assertThat(store().transactions(consent, all(10))).containsExactly(inGiro, inSavings);
        assertThat(store().syncState(consent).orElseThrow().transactionCount()).isEqualTo(2);
    }

    @Test
    void aTransactionStoredTwiceIsStoredOnceAsLastRead() {
        Transaction asPending = plainTransaction("giro", "t1", Optional.empty(), Optional.of(DAY), false);
        Transaction asBooked = new Transaction("t1", "giro", Money.of("-99.99", "EUR"), Optional.of(DAY.plusDays(1)),
                Optional.of(DAY), true, Optional.of("Shop"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
        store().store(consent, run(NOW, List.of(asPending)));

        store().store(consent, run(NOW.plusSeconds(60), List.of(asBooked)));

        assertThat(store().transactions(consent, all(10))).containsExactly(asBooked);
        assertThat(store().syncState(consent).orElseThrow().transactionCount()).isEqualTo(1);
    }

    @Test
    void aTransactionReadTwiceInOneRunIsStoredOnce() {
        Transaction once = booked("giro", "t1", DAY);

        store().store(consent, run(NOW, List.of(once, once)));

        assertThat(store().transactions(consent, all(10))).containsExactly(once);
        assertThat(store().syncState(consent).orElseThrow().transactionCount()).isEqualTo(1);
    }

    @Test
    void pendingTransactionsInTheWindowThatARunNoLongerCarriesAreRemoved() {
        Transaction bookedBeforeWindow = booked("giro", "booked-before", DAY.minusDays(5));
        Transaction pendingBeforeWindow = pending("giro", "pending-before", Optional.of(DAY.minusDays(1)));
        Transaction pendingOnTheWindowsFirstDay = pending("giro", "pending-on-first-day", Optional.of(DAY));
        Transaction pendingInWindow = pending("giro", "pending-in", Optional.of(DAY.plusDays(3)));
        Transaction pendingUndated = pending("savings", "pending-undated", Optional.empty());
        Transaction pendingStillCarried = pending("giro", "pending-carried", Optional.of(DAY.plusDays(2)));
        Transaction bookedInWindow = booked("savings", "booked-in", DAY.plusDays(1));
        store().store(consent, run(NOW, List.of(bookedBeforeWindow, pendingBeforeWindow, pendingOnTheWindowsFirstDay,
                pendingInWindow, pendingUndated, pendingStillCarried, bookedInWindow)));
        Transaction pendingCarriedAgain = plainTransaction("giro", "pending-carried", Optional.empty(),
                Optional.of(DAY.plusDays(2)), false);
        Transaction bookedSuccessor = booked("giro", "booked-successor", DAY.plusDays(4));

        store().store(consent, windowRun(NOW.plusSeconds(60), DAY, List.of(pendingCarriedAgain, bookedSuccessor)));

        assertThat(store().transactions(consent, all(100))).containsExactlyInAnyOrder(bookedBeforeWindow,
                pendingBeforeWindow, bookedInWindow, pendingCarriedAgain, bookedSuccessor);
        assertThat(store().syncState(consent).orElseThrow().transactionCount()).isEqualTo(5);
    }

    @Test
    void aRunWithoutAWindowRemovesEveryPendingTransactionItNoLongerCarries() {
        Transaction oldPending = pending("giro", "old-pending", Optional.of(DAY.minusDays(300)));
        Transaction undatedPending = pending("giro", "undated-pending", Optional.empty());
        Transaction oldBooked = booked("giro", "old-booked", DAY.minusDays(300));
        Transaction stillPending = pending("giro", "still-pending", Optional.of(DAY));
        store().store(consent, run(NOW, List.of(oldPending, undatedPending, oldBooked, stillPending)));

        store().store(consent, run(NOW.plusSeconds(60), List.of(stillPending)));

        assertThat(store().transactions(consent, all(10))).containsExactlyInAnyOrder(oldBooked, stillPending);
    }

    @Test
    void theLatestBookingDateIsTheLatestBookingDateStored() {
        Transaction latestBooked = booked("giro", "latest-booked", DAY);
        Transaction earlierBooked = booked("savings", "earlier-booked", DAY.minusDays(20));
        Transaction laterValuedOnly = pending("giro", "later-valued-only", Optional.of(DAY.plusDays(9)));
        Transaction pendingWithLaterBookingDate = plainTransaction("giro", "pending-booking-date",
                Optional.of(DAY.plusDays(3)), Optional.empty(), false);
        store().store(consent, run(NOW, List.of(latestBooked, laterValuedOnly, earlierBooked)));

        assertThat(store().syncState(consent).orElseThrow().latestBookingDate()).contains(DAY);

        store().store(consent, windowRun(NOW.plusSeconds(60), DAY, List.of(pendingWithLaterBookingDate)));
        assertThat(store().syncState(consent).orElseThrow().latestBookingDate()).contains(DAY.plusDays(3));

        store().store(consent, windowRun(NOW.plusSeconds(120), DAY, List.of()));
        assertThat(store().syncState(consent).orElseThrow().latestBookingDate())
                .as("the removed pending transaction no longer counts").contains(DAY);
    }

    @Test
    void withoutABookingDateThereIsNoLatestBookingDate() {
        store().store(consent, run(NOW, List.of(pending("giro", "valued-only", Optional.of(DAY)))));

        assertThat(store().syncState(consent).orElseThrow().latestBookingDate()).isEmpty();
    }

    // ---- income report ----

    @Test
    void anIncomeReportReadsBackWithEveryFigureAndWithNone() {
        store().store(consent, reportRun(NOW, richIncomeReport()));
        store().store(otherConsent, reportRun(NOW, emptyIncomeReport()));

        assertThat(store().incomeReport(consent)).contains(richIncomeReport());
        assertThat(store().incomeReport(otherConsent)).contains(emptyIncomeReport());
    }

    @Test
    void anIncomeReportIsKeptWhenARunCarriesNoneAndReplacedWhenOneDoes() {
        store().store(consent, reportRun(NOW, richIncomeReport()));

        store().store(consent, run(NOW.plusSeconds(60), List.of()));
        assertThat(store().incomeReport(consent)).contains(richIncomeReport());

        store().store(consent, reportRun(NOW.plusSeconds(120), emptyIncomeReport()));
        assertThat(store().incomeReport(consent)).contains(emptyIncomeReport());
    }

    // ---- retention ----

    @Test
    void aRunSetsTheRetentionEndAndRunsWithoutOneKeepIt() {
        Instant until = NOW.plus(Duration.ofHours(1));
        store().store(consent, new SyncRun(List.of(), List.of(), Optional.empty(), Optional.empty(), NOW, Optional.of(until)));

        store().store(consent, run(NOW.plusSeconds(60), List.of()));

        assertThat(store().syncState(consent).orElseThrow().retainUntil()).contains(until);
    }

    @Test
    void retainUntilSetsAndReplacesTheRetentionEnd() {
        store().claimSync(consent, NOW, LEASE_END);

        store().retainUntil(consent, NOW.plus(Duration.ofDays(90)));
        store().retainUntil(consent, NOW.plus(Duration.ofDays(30)));

        assertThat(store().syncState(consent).orElseThrow().retainUntil()).contains(NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void retainUntilOfAConsentWithoutARecordStoresNothing() {
        store().retainUntil(consent, NOW);

        assertThat(store().syncState(consent)).isEmpty();
    }

    // ---- pages of transactions: order ----

    @Test
    void aPageComesNewestFirstThenByAccountThenByIdWithTheUndatedLast() {
        Transaction newest = booked("savings", "n", DAY.plusDays(1));
        Transaction sameDayFirstAccount = booked("giro", "z", DAY);
        Transaction sameDaySecondAccountFirstId = booked("savings", "a", DAY);
        Transaction sameDaySecondAccountSecondId = pending("savings", "b", Optional.of(DAY));
        Transaction dayBeforeByValueDate = pending("giro", "v", Optional.of(DAY.minusDays(1)));
        Transaction oldest = booked("giro", "o", DAY.minusDays(400));
        Transaction undatedFirst = pending("giro", "u2", Optional.empty());
        Transaction undatedSecond = pending("savings", "u1", Optional.empty());
        store().store(consent, run(NOW, List.of(undatedSecond, oldest, sameDaySecondAccountSecondId, newest,
                undatedFirst, dayBeforeByValueDate, sameDayFirstAccount, sameDaySecondAccountFirstId)));

        assertThat(store().transactions(consent, all(100))).containsExactly(newest, sameDayFirstAccount,
                sameDaySecondAccountFirstId, sameDaySecondAccountSecondId, dayBeforeByValueDate, oldest, undatedFirst,
                undatedSecond);
    }

    /**
     * Java's order, not a database collation's: upper case before lower case, digit by digit, accents after every ASCII
     * letter, and UTF-16 code units (an emoji, beyond U+FFFF, before a full-width letter, though its code point is larger).
     */
    @Test
    void accountsAndIdsCompareAsJavaStrings() {
        List<String> accountsInJavaOrder = List.of("10", "9", "Giro", "giro", "zz", "é", "\uD83D\uDCB3card", "\uFF21");
        List<String> idsInJavaOrder = List.of("10", "9", "A", "a", "é", "\uD83D\uDCB3", "\uFF21");
        List<Transaction> expected = new ArrayList<>();
        accountsInJavaOrder.forEach(account -> idsInJavaOrder.forEach(id -> expected.add(booked(account, id, DAY))));
        List<Transaction> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        store().store(consent, run(NOW, shuffled));

        assertThat(store().transactions(consent, all(100))).containsExactlyElementsOf(expected);
        assertThat(walk(slice(Optional.empty(), Optional.empty(), Optional.empty(), 5))).containsExactlyElementsOf(expected);
    }

    // ---- pages of transactions: paging ----

    @Test
    void pagingAfterTheLastKeyWalksEveryTransactionExactlyOnce() {
        List<Transaction> history = history(260);
        store().store(consent, run(NOW, history));
        List<Transaction> expected = history.stream().sorted(NEWEST_FIRST).toList();

        for (int pageSize : List.of(3, 50, 1000)) {
            List<Transaction> walked = walk(slice(Optional.empty(), Optional.empty(), Optional.empty(), pageSize));
            assertThat(walked).as("pages of %d", pageSize).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aPageHoldsAtMostTheLimit() {
        store().store(consent, run(NOW, history(30)));

        assertThat(store().transactions(consent, all(11))).hasSize(11);
        assertThat(store().transactions(consent, all(30))).hasSize(30);
        assertThat(store().transactions(consent, all(31))).hasSize(30);
    }

    @Test
    void afterAKeyNoLongerStoredThePageStartsWhereTheKeyWouldBe() {
        Transaction before = booked("giro", "a", DAY);
        Transaction removedBetweenPages = pending("giro", "m", Optional.of(DAY));
        Transaction after = booked("giro", "z", DAY);
        store().store(consent, run(NOW, List.of(before, removedBetweenPages, after)));
        TransactionSlice.Key lastOfThePreviousPage = TransactionSlice.Key.of(removedBetweenPages);
        store().store(consent, run(NOW.plusSeconds(60), List.of(before, after)));

        assertThat(store().transactions(consent, after(lastOfThePreviousPage, 10))).containsExactly(after);
    }

    @Test
    void afterAnUndatedKeyOnlyTheUndatedThatFollowItCome() {
        Transaction dated = booked("giro", "dated", DAY.minusDays(900));
        Transaction undatedBefore = pending("giro", "u1", Optional.empty());
        Transaction undatedKey = pending("giro", "u2", Optional.empty());
        Transaction undatedAfterById = pending("giro", "u3", Optional.empty());
        Transaction undatedAfterByAccount = pending("savings", "u0", Optional.empty());
        store().store(consent, run(NOW, List.of(dated, undatedBefore, undatedKey, undatedAfterById, undatedAfterByAccount)));

        assertThat(store().transactions(consent, after(TransactionSlice.Key.of(undatedKey), 10)))
                .containsExactly(undatedAfterById, undatedAfterByAccount);
    }

    @Test
    void pagesOfOneConsentNeverShowAnothersTransactions() {
        Transaction mine = booked("giro", "t1", DAY);
        Transaction theirs = booked("giro", "t2", DAY);
        store().store(consent, run(NOW, List.of(mine)));
        store().store(otherConsent, run(NOW, List.of(theirs)));

        assertThat(store().transactions(consent, all(10))).containsExactly(mine);
        assertThat(store().transactions(otherConsent, all(10))).containsExactly(theirs);
    }

    // ---- pages of transactions: account filter ----

    @Test
    void anAccountsPagesHoldOnlyItsTransactionsInOrderAndWalkThemExactlyOnce() {
        List<Transaction> history = history(260);
        store().store(consent, run(NOW, history));

        for (String account : List.of("Savings", "giro", "é-card")) {
            List<Transaction> expected = history.stream().filter(t -> t.accountId().equals(account)).sorted(NEWEST_FIRST)
                    .toList();
            assertThat(expected).hasSizeGreaterThan(40);
            assertThat(walk(slice(Optional.of(account), Optional.empty(), Optional.empty(), 9)))
                    .as("account %s", account).containsExactlyElementsOf(expected);
        }
        assertThat(store().transactions(consent, slice(Optional.of("no-such-account"), Optional.empty(), Optional.empty(), 10)))
                .isEmpty();
    }

    @Test
    void afterAKeyOfAnotherAccountAnAccountsPageStartsAtTheKeysPlaceInTheOrder() {
        Transaction giroOnTheDay = booked("giro", "g", DAY);
        Transaction savingsOnTheDay = booked("savings", "s", DAY);
        Transaction giroDayBefore = booked("giro", "g0", DAY.minusDays(1));
        Transaction savingsDayBefore = booked("savings", "s0", DAY.minusDays(1));
        Transaction giroUndated = pending("giro", "gu", Optional.empty());
        store().store(consent, run(NOW, List.of(giroOnTheDay, savingsOnTheDay, giroDayBefore, savingsDayBefore, giroUndated)));
        TransactionSlice.Key ofAnAccountBeforeGiro = new TransactionSlice.Key(Optional.of(DAY), "current", "zzz");
        TransactionSlice.Key ofAnAccountAfterGiro = new TransactionSlice.Key(Optional.of(DAY), "household", "a");
        TransactionSlice.Key ofAnUndatedAccountAfterGiro = new TransactionSlice.Key(Optional.empty(), "household", "a");

        assertThat(store().transactions(consent, new TransactionSlice(Optional.of("giro"), Optional.empty(), Optional.empty(),
                Optional.of(ofAnAccountBeforeGiro), 10))).containsExactly(giroOnTheDay, giroDayBefore, giroUndated);
        assertThat(store().transactions(consent, new TransactionSlice(Optional.of("giro"), Optional.empty(), Optional.empty(),
                Optional.of(ofAnAccountAfterGiro), 10))).containsExactly(giroDayBefore, giroUndated);
        assertThat(store().transactions(consent, new TransactionSlice(Optional.of("giro"), Optional.empty(), Optional.empty(),
                Optional.of(ofAnUndatedAccountAfterGiro), 10))).isEmpty();
    }

    // ---- pages of transactions: date range ----

    @Test
    void aDateRangeIncludesBothEndsAndLeavesTheUndatedOut() {
        Transaction afterTheRange = booked("giro", "after", DAY.plusDays(11));
        Transaction onTheLastDay = booked("giro", "last", DAY.plusDays(10));
        Transaction inside = pending("savings", "inside", Optional.of(DAY.plusDays(5)));
        Transaction onTheFirstDay = booked("giro", "first", DAY);
        Transaction beforeTheRange = booked("giro", "before", DAY.minusDays(1));
        Transaction undated = pending("giro", "undated", Optional.empty());
        store().store(consent, run(NOW, List.of(afterTheRange, onTheLastDay, inside, onTheFirstDay, beforeTheRange, undated)));

        assertThat(store().transactions(consent, slice(Optional.empty(), Optional.of(DAY), Optional.of(DAY.plusDays(10)), 10)))
                .containsExactly(onTheLastDay, inside, onTheFirstDay);
        assertThat(store().transactions(consent, slice(Optional.empty(), Optional.of(DAY), Optional.empty(), 10)))
                .as("from only").containsExactly(afterTheRange, onTheLastDay, inside, onTheFirstDay);
        assertThat(store().transactions(consent, slice(Optional.empty(), Optional.empty(), Optional.of(DAY), 10)))
                .as("to only").containsExactly(onTheFirstDay, beforeTheRange);
        assertThat(store().transactions(consent, slice(Optional.empty(), Optional.of(DAY), Optional.of(DAY), 10)))
                .as("one day").containsExactly(onTheFirstDay);
        assertThat(store().transactions(consent, slice(Optional.of("savings"), Optional.of(DAY), Optional.empty(), 10)))
                .as("an account's range").containsExactly(inside);
    }

    @Test
    void pagingARangeWalksExactlyTheTransactionsInIt() {
        List<Transaction> history = history(260);
        store().store(consent, run(NOW, history));
        LocalDate from = DAY.minusDays(20);
        LocalDate to = DAY.minusDays(6);
        Predicate<Transaction> inRange = t -> t.effectiveDate().filter(d -> !d.isBefore(from) && !d.isAfter(to)).isPresent();
        List<Transaction> expected = history.stream().filter(inRange).sorted(NEWEST_FIRST).toList();
        List<Transaction> expectedOfGiro = expected.stream().filter(t -> t.accountId().equals("giro")).toList();

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(walk(slice(Optional.empty(), Optional.of(from), Optional.of(to), 8))).containsExactlyElementsOf(expected);
        assertThat(walk(slice(Optional.of("giro"), Optional.of(from), Optional.of(to), 4)))
                .containsExactlyElementsOf(expectedOfGiro);
    }

    @Test
    void aKeyOutsideTheRangeStartsThePageAtTheRangeOrEndsIt() {
        Transaction newerThanTheRange = booked("giro", "newer", DAY.plusDays(3));
        Transaction betweenTheKeyAndTheRange = booked("giro", "between", DAY.plusDays(2));
        Transaction inRange = booked("giro", "in", DAY);
        Transaction olderThanTheRange = booked("giro", "older", DAY.minusDays(3));
        store().store(consent, run(NOW, List.of(newerThanTheRange, betweenTheKeyAndTheRange, inRange, olderThanTheRange)));
        Optional<LocalDate> from = Optional.of(DAY.minusDays(1));
        Optional<LocalDate> to = Optional.of(DAY.plusDays(1));

        assertThat(store().transactions(consent, new TransactionSlice(Optional.empty(), from, to,
                Optional.of(TransactionSlice.Key.of(newerThanTheRange)), 10))).containsExactly(inRange);
        assertThat(store().transactions(consent, new TransactionSlice(Optional.of("giro"), from, to,
                Optional.of(TransactionSlice.Key.of(newerThanTheRange)), 10))).as("of one account").containsExactly(inRange);
        assertThat(store().transactions(consent, new TransactionSlice(Optional.empty(), from, to,
                Optional.of(TransactionSlice.Key.of(olderThanTheRange)), 10))).isEmpty();
    }

    // ---- the background-sync ledger ----

    @Test
    void backgroundSyncsAreRecordedOldestFirstAndThoseBeforeTheHorizonForgotten() {
        Instant first = NOW.minus(Duration.ofHours(30));
        Instant second = NOW.minus(Duration.ofHours(20));
        Instant third = NOW.minus(Duration.ofHours(2));
        store().recordBackgroundSync(consent, second, first);
        store().recordBackgroundSync(consent, first, first);
        store().recordBackgroundSync(consent, third, first);
        assertThat(store().syncState(consent).orElseThrow().backgroundSyncs()).containsExactly(first, second, third);

        Instant horizon = NOW.minus(Duration.ofHours(24));
        store().recordBackgroundSync(consent, NOW, horizon);

        SyncState state = store().syncState(consent).orElseThrow();
        assertThat(state.backgroundSyncs()).containsExactly(second, third, NOW);
        assertThat(state.backgroundSyncsSince(third)).isEqualTo(2);
    }

    @Test
    void theHorizonItselfIsKept() {
        Instant horizon = NOW.minus(Duration.ofHours(24));
        store().recordBackgroundSync(consent, horizon, horizon);

        store().recordBackgroundSync(consent, NOW, horizon);

        assertThat(store().syncState(consent).orElseThrow().backgroundSyncs()).containsExactly(horizon, NOW);
    }

    @Test
    void recordingABackgroundSyncCreatesTheRecordAndTouchesNothingElse() {
        store().recordBackgroundSync(consent, NOW, NOW.minus(Duration.ofDays(1)));

        SyncState state = store().syncState(consent).orElseThrow();
        assertThat(state.backgroundSyncs()).containsExactly(NOW);
        assertThat(state.syncedAt()).isEmpty();
        assertThat(state.lastAttemptAt()).isEmpty();
        assertThat(store().syncState(otherConsent)).isEmpty();
    }

    // ---- due for a background sync ----

    @Test
    void dueAreTheConsentsSyncedAndAttemptedBeforeTheCutoffOldestFirst() {
        Instant cutoff = NOW;
        ConsentId neverSynced = ConsentId.random();
        store().claimSync(neverSynced, cutoff.minus(Duration.ofDays(1)), cutoff.minus(Duration.ofDays(1)));
        ConsentId syncedLongest = ConsentId.random();
        store().store(syncedLongest, run(cutoff.minus(Duration.ofDays(9)), List.of()));
        ConsentId syncedLong = ConsentId.random();
        store().claimSync(syncedLong, cutoff.minus(Duration.ofDays(5)), cutoff.minus(Duration.ofDays(5)));
        store().store(syncedLong, run(cutoff.minus(Duration.ofDays(5)), List.of()));
        ConsentId syncedAtTheCutoff = ConsentId.random();
        store().store(syncedAtTheCutoff, run(cutoff, List.of()));
        ConsentId attemptedAtTheCutoff = ConsentId.random();
        store().store(attemptedAtTheCutoff, run(cutoff.minus(Duration.ofDays(8)), List.of()));
        store().claimSync(attemptedAtTheCutoff, cutoff, cutoff.plusSeconds(60));
        ConsentId retained = ConsentId.random();
        store().store(retained, new SyncRun(List.of(), List.of(), Optional.empty(), Optional.empty(),
                cutoff.minus(Duration.ofDays(7)), Optional.of(cutoff.plus(Duration.ofDays(1)))));

        assertThat(store().dueForBackgroundSync(cutoff, 10)).containsExactly(neverSynced, syncedLongest, syncedLong);
        assertThat(store().dueForBackgroundSync(cutoff, 2)).containsExactly(neverSynced, syncedLongest);
    }

    @Test
    void aRecordWithNeitherSyncNorAttemptIsDue() {
        store().recordBackgroundSync(consent, NOW, NOW);

        assertThat(store().dueForBackgroundSync(NOW, 10)).containsExactly(consent);
    }

    @Test
    void aConsentWithARetentionEndIsNeverDue() {
        store().store(consent, run(NOW.minus(Duration.ofDays(100)), List.of()));
        store().retainUntil(consent, NOW.minus(Duration.ofDays(1)));

        assertThat(store().dueForBackgroundSync(NOW, 10)).isEmpty();
    }

    // ---- deleting ----

    @Test
    void dataWhoseRetentionEndedIsDeletedAndTheConsentsCounted() {
        ConsentId endedBefore = storedWithData(Optional.of(NOW.minusNanos(1000)));
        ConsentId endedNow = storedWithData(Optional.of(NOW));
        ConsentId endsLater = storedWithData(Optional.of(NOW.plusNanos(1000)));
        ConsentId keptForever = storedWithData(Optional.empty());

        assertThat(store().deleteRetentionEnded(NOW)).isEqualTo(2);

        assertNothingStored(endedBefore);
        assertNothingStored(endedNow);
        assertAllStored(endsLater);
        assertAllStored(keptForever);
        assertThat(store().deleteRetentionEnded(NOW)).isZero();
    }

    @Test
    void deleteRemovesEverythingOfTheConsentAndNothingOfAnother() {
        ConsentId deleted = storedWithData(Optional.empty());
        store().recordBackgroundSync(deleted, NOW, NOW);
        ConsentId kept = storedWithData(Optional.empty());

        assertThat(store().delete(deleted)).isTrue();

        assertNothingStored(deleted);
        assertAllStored(kept);
        assertThat(store().delete(deleted)).isFalse();
        assertThat(store().delete(ConsentId.random())).isFalse();
    }

    @Test
    void aDeletedConsentStartsAfreshWithItsNextClaim() {
        ConsentId id = storedWithData(Optional.of(NOW.plus(Duration.ofDays(1))));
        store().claimSync(id, NOW, LEASE_END);
        store().delete(id);

        assertThat(store().claimSync(id, NOW.plusSeconds(1), LEASE_END)).as("the lease went with the record").isTrue();

        SyncState state = store().syncState(id).orElseThrow();
        assertThat(state.syncedAt()).isEmpty();
        assertThat(state.retainUntil()).isEmpty();
        assertThat(state.transactionCount()).isZero();
        assertThat(store().accounts(id)).isEmpty();
        assertThat(store().incomeReport(id)).isEmpty();
    }

    // ---- helpers ----

    /** A consent with an account, two transactions and an income report, and the given retention end. */
    private ConsentId storedWithData(Optional<Instant> retainUntil) {
        ConsentId id = ConsentId.random();
        store().store(id, new SyncRun(List.of(plainAccount("giro")),
                List.of(booked("giro", "t1", DAY), pending("giro", "t2", Optional.empty())), Optional.empty(),
                Optional.of(richIncomeReport()), NOW.minus(Duration.ofDays(1)), retainUntil));
        return id;
    }

    private void assertAllStored(ConsentId id) {
        assertThat(store().syncState(id)).get().extracting(SyncState::transactionCount).isEqualTo(2L);
        assertThat(store().accounts(id)).extracting(Account::id).containsExactly("giro");
        assertThat(store().transactions(id, all(10))).extracting(Transaction::id).containsExactly("t1", "t2");
        assertThat(store().incomeReport(id)).isPresent();
    }

    private void assertNothingStored(ConsentId id) {
        assertThat(store().syncState(id)).isEmpty();
        assertThat(store().accounts(id)).isEmpty();
        assertThat(store().transactions(id, all(10))).isEmpty();
        assertThat(store().incomeReport(id)).isEmpty();
    }

    /**
     * A history of {@code size} transactions over four accounts (whose ids sort differently by Java and by a locale),
     * about five weeks of dates with many transactions per day, some dated by their value date only and some undated;
     * ids repeat across accounts and sort differently as numbers and as strings.
     */
    private static List<Transaction> history(int size) {
        List<String> accounts = List.of("giro", "Savings", "é-card", "10");
        return IntStream.range(0, size).mapToObj(i -> {
            String account = accounts.get(i % accounts.size());
            String id = "t" + i / 2;
            Optional<LocalDate> date = i % 17 == 0 ? Optional.empty() : Optional.of(DAY.minusDays((i * 7L) % 37));
            return i % 5 == 0
                    ? pending(account, id, date)
                    : plainTransaction(account, id, date, date, true);
        }).toList();
    }

    /** Every page of the slice, each after the key of the previous page's last transaction. */
    private List<Transaction> walk(TransactionSlice first) {
        List<Transaction> walked = new ArrayList<>();
        TransactionSlice slice = first;
        for (int pages = 0; pages < 1000; pages++) {
            List<Transaction> page = store().transactions(consent, slice);
            assertThat(page.size()).isLessThanOrEqualTo(slice.limit());
            walked.addAll(page);
            if (page.size() < slice.limit()) {
                return walked;
            }
            slice = new TransactionSlice(slice.accountId(), slice.from(), slice.to(),
                    Optional.of(TransactionSlice.Key.of(page.get(page.size() - 1))), slice.limit());
        }
        throw new AssertionError("paging did not end");
    }

    private static TransactionSlice all(int limit) {
        return slice(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    private static TransactionSlice after(TransactionSlice.Key key, int limit) {
        return new TransactionSlice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(key), limit);
    }

    private static TransactionSlice slice(Optional<String> account, Optional<LocalDate> from, Optional<LocalDate> to, int limit) {
        return new TransactionSlice(account, from, to, Optional.empty(), limit);
    }

    /** A run of the whole history (no window) with no account and no report. */
    private static SyncRun run(Instant syncedAt, List<Transaction> transactions) {
        return run(syncedAt, List.of(), transactions);
    }

    private static SyncRun run(Instant syncedAt, List<Account> accounts, List<Transaction> transactions) {
        return new SyncRun(accounts, transactions, Optional.empty(), Optional.empty(), syncedAt, Optional.empty());
    }

    /** An incremental run: the transactions read from {@code window} on. */
    private static SyncRun windowRun(Instant syncedAt, LocalDate window, List<Transaction> transactions) {
        return new SyncRun(List.of(), transactions, Optional.of(window), Optional.empty(), syncedAt, Optional.empty());
    }

    private static SyncRun reportRun(Instant syncedAt, IncomeReport report) {
        return new SyncRun(List.of(), List.of(), Optional.empty(), Optional.of(report), syncedAt, Optional.empty());
    }
}
