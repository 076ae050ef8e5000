package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.adapter.out.persistence.testing.CountingDataSource;
import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.AccountDataStore;
import io.consentgateway.application.port.out.SyncRun;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.booked;
import static io.consentgateway.application.port.out.contract.PortFixtures.pending;
import static io.consentgateway.application.port.out.contract.PortFixtures.plainAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.richAccount;
import static io.consentgateway.application.port.out.contract.PortFixtures.richTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only the database store does, beyond the contract: a run is all or nothing, joins the caller's transaction,
 * costs a few statements however many transactions it carries; ids of any characters; lists of consents longer than
 * one {@code IN} list.
 */
abstract class AccountDataStoreTests {
    private static final LocalDate DAY = LocalDate.of(2026, 2, 10);

    protected abstract AdapterExtension db();

    private AccountDataStore store() {
        return db().adapter().accountData();
    }

    private UnitOfWork unitOfWork() {
        return db().adapter().unitOfWork();
    }

    @Test
    void aRunThatFailsPartWayLeavesThePreviousRunWhole() {
        ConsentId consent = ConsentId.random();
        SyncRun first = run(T0, List.of(plainAccount("giro")), List.of(booked("giro", "t1", DAY)));
        store().store(consent, first);
        db().database().execute("ALTER TABLE stored_transactions RENAME TO stored_transactions_away");
        try {
            SyncRun failing = new SyncRun(List.of(richAccount("savings")), List.of(booked("savings", "t2", DAY)),
                    Optional.empty(), Optional.empty(), T0.plusSeconds(60), Optional.of(T0.plusSeconds(3600)));
            assertThatThrownBy(() -> store().store(consent, failing)).as("fails after the record and the accounts")
                    .hasMessageContaining("stored_transactions");
        } finally {
            db().database().execute("ALTER TABLE stored_transactions_away RENAME TO stored_transactions");
        }

        assertThat(store().accounts(consent)).containsExactly(plainAccount("giro"));
        assertThat(store().syncState(consent).orElseThrow().syncedAt()).contains(T0);
        assertThat(store().syncState(consent).orElseThrow().retainUntil()).isEmpty();
        assertThat(store().transactions(consent, page())).extracting(Transaction::id).containsExactly("t1");
    }

    @Test
    void aRunStoredInAFailedTransactionOfTheCallerIsRolledBackWithIt() {
        ConsentId consent = ConsentId.random();

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            store().claimSync(consent, T0, T0.plusSeconds(60));
            store().store(consent, run(T0, List.of(plainAccount("giro")), List.of(booked("giro", "t1", DAY))));
            throw new IllegalStateException("the caller failed");
        })).hasMessage("the caller failed");

        assertThat(store().syncState(consent)).isEmpty();
        assertThat(store().accounts(consent)).isEmpty();
    }

    @Test
    @Timeout(60)
    void aClaimWaitingForAnotherClaimsTransactionSeesItsLeaseOnceItCommitsAndWinsIfItRollsBack() throws Exception {
        ConsentId consent = ConsentId.random();
        store().recordBackgroundSync(consent, T0, T0); // the record exists: both claims go for the same row
        assertThat(secondClaimWhileTheFirstIsOpen(consent, true)).as("after the first committed").isFalse();
        store().releaseSync(consent);
        assertThat(secondClaimWhileTheFirstIsOpen(consent, false)).as("after the first rolled back").isTrue();
    }

    /** The first claim takes the lease in a transaction kept open until the second claim waits; answers the second's. */
    private boolean secondClaimWhileTheFirstIsOpen(ConsentId consent, boolean firstCommits) throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> {
                try {
                    unitOfWork().inTransaction(() -> {
                        assertThat(store().claimSync(consent, T0, T0.plusSeconds(60))).isTrue();
                        firstClaimed.countDown();
                        await(secondStarted);
                        sleep(300); // the second claim is now waiting for this row
                        if (!firstCommits) {
                            throw new IllegalStateException("roll back");
                        }
                        return null;
                    });
                } catch (IllegalStateException rolledBack) {
                    // as intended
                }
            });
            await(firstClaimed);
            Future<Boolean> second = pool.submit(() -> {
                secondStarted.countDown();
                return store().claimSync(consent, T0.plusSeconds(1), T0.plusSeconds(61));
            });
            first.get(30, TimeUnit.SECONDS);
            return second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aThousandTransactionsAreStoredInAFewStatements() {
        CountingDataSource counting = new CountingDataSource(db().database().dataSource());
        AccountDataStore store = PersistenceAdapter.create(counting, TestKeys.ring()).accountData();
        ConsentId consent = ConsentId.random();
        List<Transaction> thousand = IntStream.range(0, 1000)
                .mapToObj(i -> richTransaction("acc-" + i % 3, "t-" + i, DAY.minusDays(i % 90)))
                .toList();
        counting.reset();

        long started = System.nanoTime();
        store.store(consent, run(T0, List.of(plainAccount("acc-0"), plainAccount("acc-1"), plainAccount("acc-2")), thousand));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        System.out.printf("[account data] %s: a run of 1,000 transactions and 3 accounts took %d statements, %d ms%n",
                db().database().kind(), counting.executions(), millis);
        assertThat(counting.executions()).isLessThanOrEqualTo(8);
        assertThat(store.syncState(consent).orElseThrow().transactionCount()).isEqualTo(1000);
    }

    @Test
    void idsOfAnyJavaCharactersRoundTripAndStayApart() {
        ConsentId consent = ConsentId.random();
        List<String> ids = List.of("nul\u0000inside", "lone\uD800surrogate", "lone\uDC00low", "\uD83D\uDCB3", "x".repeat(600),
                "a/b", "a", "a\u0000");
        List<Transaction> transactions = ids.stream().map(id -> pending(id, id, Optional.of(DAY))).toList();
        List<Account> accounts = ids.stream().map(id -> plainAccount(id)).toList();

        store().store(consent, run(T0, accounts, transactions));

        assertThat(store().accounts(consent)).extracting(Account::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store().transactions(consent, page())).containsExactlyInAnyOrderElementsOf(transactions);
        for (String id : ids) {
            assertThat(store().transactions(consent, new TransactionSlice(Optional.of(id), Optional.empty(), Optional.empty(),
                    Optional.empty(), 10))).as("account %s", id).extracting(Transaction::id).containsExactly(id);
        }
    }

    @Test
    void anAccountReadTwiceInOneRunIsStoredOnceAsLastRead() {
        ConsentId consent = ConsentId.random();

        store().store(consent, run(T0, List.of(plainAccount("giro"), richAccount("giro")), List.of()));

        assertThat(store().accounts(consent)).containsExactly(richAccount("giro"));
    }

    @Test
    void statesAndDeletionsOfMoreConsentsThanOneInListHolds() {
        List<ConsentId> many = IntStream.range(0, 1_234).mapToObj(i -> ConsentId.random()).toList();
        Instant ended = T0.plusSeconds(1);
        unitOfWork().inTransaction(() -> {
            many.forEach(id -> store().store(id, new SyncRun(List.of(), List.of(), Optional.empty(), Optional.empty(), T0,
                    Optional.of(ended))));
            return null;
        });

        assertThat(store().syncStates(many)).hasSize(many.size());
        assertThat(store().deleteRetentionEnded(ended)).isEqualTo(many.size());
        assertThat(store().syncStates(many)).isEmpty();
    }

    private static TransactionSlice page() {
        return new TransactionSlice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }

    private static SyncRun run(Instant syncedAt, List<Account> accounts, List<Transaction> transactions) {
        return new SyncRun(accounts, transactions, Optional.empty(), Optional.empty(), syncedAt, Optional.empty());
    }
}
