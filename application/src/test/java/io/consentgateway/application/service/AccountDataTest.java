package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.DataMaintenanceReport;
import io.consentgateway.application.port.in.EraseUser;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.Synced;
import io.consentgateway.application.port.in.TransactionsPage;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.SyncState;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Money;
import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.shared.ConsentId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account data store as the use cases see it: sync, reads from the store, snapshots, the budget, retention, erasure. */
class AccountDataTest {
    final GatewayHarness h = new GatewayHarness();

    private List<Transaction> everything(ConsentId id) {
        List<Transaction> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            TransactionsPage page = h.page(ALICE, id, null, 100, cursor.orElse(null));
            all.addAll(page.transactions());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(h.clock.instant(), ZoneOffset.UTC);
    }

    private static Transaction booked(String id, LocalDate day) {
        return new Transaction(id, "acc-1", Money.of("-9.99", "EUR"), Optional.of(day), Optional.of(day), true,
                Optional.of("Late shop"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Nested
    class Sync {
        final ConsentId id = h.connectOngoing(ALICE);

        @Test
        void theFirstReadSyncsTheWholeHistoryAndReadsWithinTheMaxAgeCallNoProvider() {
            Synced<List<Account>> first = h.readAccounts.accounts(ALICE, id);
            int afterFirst = h.fake.dataCalls.get();

            h.advance(Duration.ofMinutes(14));
            everything(id);
            Synced<List<Account>> again = h.readAccounts.accounts(ALICE, id);

            assertThat(h.fake.transactionFilters).containsExactly(TransactionFilter.all());
            assertThat(h.fake.dataCalls).hasValue(afterFirst);
            assertThat(again.data()).isEqualTo(first.data());
            assertThat(again.syncedAt()).isEqualTo(first.syncedAt());
        }

        @Test
        void aReadAfterTheMaxAgeSyncsFromTheLatestBookingDateMinusTheOverlap() {
            h.readAccounts.accounts(ALICE, id);
            LocalDate latest = today();

            h.advance(Duration.ofMinutes(16));
            Synced<List<Account>> later = h.readAccounts.accounts(ALICE, id);

            assertThat(h.fake.transactionFilters).last()
                    .isEqualTo(new TransactionFilter(List.of(), Optional.of(latest.minusDays(7)), Optional.empty()));
            assertThat(later.syncedAt()).isEqualTo(h.clock.instant());
        }

        @Test
        void aLateBookingWithinTheOverlapAppearsAfterTheNextSyncExactlyOnce() {
            int before = everything(id).size();
            h.fake.book(booked("late-1", today().minusDays(3)));

            h.advance(Duration.ofMinutes(16));
            List<Transaction> after = everything(id);

            assertThat(after).hasSize(before + 1);
            assertThat(after).filteredOn(t -> t.id().equals("late-1")).hasSize(1);
            h.advance(Duration.ofMinutes(16));
            assertThat(everything(id)).hasSize(before + 1);
        }

        @Test
        void aProviderOutageDuringAReadServesTheStoreWithItsSyncTime() {
            Instant synced = h.readAccounts.accounts(ALICE, id).syncedAt();
            h.advance(Duration.ofMinutes(20));
            h.provider.failNextDataCalls(1, () -> new ProviderUnavailable("503"));

            TransactionsPage page = h.page(ALICE, id, null, 10, null);

            assertThat(page.transactions()).hasSize(10);
            assertThat(page.syncedAt()).isEqualTo(synced);
        }

        @Test
        void aProviderThatCannotTakeTheSyncNowIsNotWaitedForWhenDataIsStored() {
            GatewayHarness patient = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ofSeconds(30));
            ConsentId consent = patient.connectOngoing(ALICE);
            Instant synced = patient.readAccounts.accounts(ALICE, consent).syncedAt();
            patient.advance(Duration.ofMinutes(16));
            int attempts = patient.provider.dataCallTokens.size();
            patient.provider.failNextDataCalls(5, () -> new ProviderUnavailable("bulkhead full", Optional.empty(), false, null));

            assertThat(patient.readAccounts.accounts(ALICE, consent).syncedAt()).isEqualTo(synced);
            assertThat(patient.provider.dataCallTokens).as("one attempt, no waiting for the next").hasSize(attempts + 1);
        }

        @Test
        void aProviderOutageBeforeAnythingWasStoredIsTheProvidersFailure() {
            h.provider.failNextDataCalls(1, () -> new ProviderUnavailable("503"));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id)).isInstanceOf(ProviderUnavailable.class);
        }

        @Test
        void aSyncThatFailsHalfWayStoresNothingOfItsRun() {
            Instant synced = h.readAccounts.accounts(ALICE, id).syncedAt();
            SyncState before = h.store.syncState(id).orElseThrow();
            h.fake.book(booked("late-2", today().minusDays(1)));
            h.advance(Duration.ofMinutes(16));
            h.provider.failNextTransactionsCall(() -> new ProviderUnavailable("503"));

            assertThatThrownBy(() -> h.dataSync.sync(h.consent(id), AccountDataSync.Trigger.USER_READ, h.clock.instant()))
                    .isInstanceOf(ProviderUnavailable.class);

            SyncState after = h.store.syncState(id).orElseThrow();
            assertThat(after.syncedAt()).contains(synced);
            assertThat(after.latestBookingDate()).isEqualTo(before.latestBookingDate());
            assertThat(after.transactionCount()).isEqualTo(before.transactionCount());
        }

        @Test
        void concurrentReadsOfOneConsentMakeOneSync() throws Exception {
            h.readAccounts.accounts(ALICE, id);
            h.advance(Duration.ofMinutes(16));
            int before = h.fake.dataCalls.get();
            ExecutorService readers = Executors.newFixedThreadPool(16);
            try {
                List<Callable<Instant>> reads = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    reads.add(() -> h.readAccounts.accounts(ALICE, id).syncedAt());
                }
                for (Future<Instant> read : readers.invokeAll(reads)) {
                    assertThat(read.get()).isEqualTo(h.clock.instant());
                }
            } finally {
                readers.shutdown();
            }

            assertThat(h.fake.dataCalls.get() - before).as("one sync: accounts and transactions").isEqualTo(2);
        }

        @Test
        void aReadWithNothingStoredThatWaitsTooLongForAnotherSyncOfItsConsentIsAskedToTryAgain() throws Exception {
            AccountDataSync sync = new AccountDataSync(h.store, h.reader, h.dataSettings, h.unitOfWork, h.events, h.clock, Duration.ofMillis(200));
            StoredData data = new StoredData(h.reader, sync, h.store, h.settings, h.dataSettings, h.clock);
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            h.provider.onNextDataCall(() -> {
                held.countDown();
                awaitQuietly(release);
            });
            ExecutorService first = Executors.newSingleThreadExecutor();
            try {
                Future<Instant> slowSync = first.submit(() -> data.serve(h.consent(id), h.store::accounts).syncedAt());
                held.await();

                assertThatThrownBy(() -> data.serve(h.consent(id), h.store::accounts)).isInstanceOf(TryAgainLater.class);
                release.countDown();
                assertThat(slowSync.get()).isEqualTo(h.clock.instant());
            } finally {
                release.countDown();
                first.shutdown();
            }
        }

        @Test
        void theConsentViewTellsWhenTheDataWasLastSynced() {
            assertThat(h.listConsents.get(ALICE, id).data().syncedAt()).isEmpty();

            Instant synced = h.readAccounts.accounts(ALICE, id).syncedAt();

            ConsentView.DataView data = h.listConsents.get(ALICE, id).data();
            assertThat(data.syncedAt()).contains(synced);
            assertThat(data.backgroundSyncsUsed()).isZero();
            assertThat(data.backgroundSyncsAllowed()).isEqualTo(4);
            assertThat(h.listConsents.list(ALICE)).singleElement().extracting(v -> v.data().syncedAt()).isEqualTo(Optional.of(synced));
        }

        @Test
        void revokingDeletesTheStoredDataAtOnce() {
            h.readAccounts.accounts(ALICE, id);

            h.revokeConsent.revoke(ALICE, id);

            assertThat(h.store.syncState(id)).isEmpty();
        }
    }

    @Nested
    class OneTimeSnapshots {
        @Test
        void aOneTimeConsentIsReadableAtMinute90FromItsSnapshotAndGoneAfterItsRetention() {
            ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
            int transactions = everything(id).size();

            h.advance(Duration.ofMinutes(90));

            assertThat(h.readAccounts.accounts(ALICE, id).data()).extracting(Account::id).containsExactly("acc-1", "acc-2");
            assertThat(everything(id)).hasSize(transactions);
            ConsentView view = h.listConsents.get(ALICE, id);
            assertThat(view.status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(view.data().retainedUntil()).contains(view.data().syncedAt().orElseThrow().plus(Duration.ofDays(7)));

            h.advance(Duration.ofDays(7));
            DataMaintenanceReport report = h.maintainData.run(100);

            assertThat(report.deleted()).isEqualTo(1);
            assertThat(h.store.syncState(id)).isEmpty();
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id)).isInstanceOf(ConsentNotUsable.class);
        }

        @Test
        void theIncomeReportIsReadFromItsSnapshotAfterTheProvidersHour() {
            ConsentId id = h.connect(ALICE, FlowKind.INCOME_REPORT);
            var report = h.readIncomeReport.incomeReport(ALICE, id).data();

            h.advance(Duration.ofMinutes(61));

            assertThat(h.readIncomeReport.incomeReport(ALICE, id).data()).isEqualTo(report);
        }

        @Test
        void aOneTimeConsentWithoutASnapshotIsNotReadableAfterItsHourAsBefore() {
            ConsentId id = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);

            h.advance(Duration.ofMinutes(61));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id)).isInstanceOf(ConsentNotUsable.class);
        }

        @Test
        void theSnapshotIsTakenAtCompletionWithoutTheUserReading() {
            SyncAtCompletion completion = new SyncAtCompletion(h.callback, h.completeFlow, h.consents, h.dataSync, Runnable::run);
            var flow = h.startFlow(ALICE, FlowKind.ONE_TIME_ACCESS).flowId();

            ConsentId id = completion.handle(h.approvedCallback(flow)).consentId().orElseThrow();

            assertThat(h.store.syncState(id)).get().satisfies(state -> assertThat(state.syncedAt()).isPresent());
            assertThat(h.consent(id).refreshToken()).as("a one-time consent never keeps a refresh token").isEmpty();
            h.advance(Duration.ofMinutes(90));
            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
        }

        @Test
        void aFailedSyncAtCompletionLeavesTheFlowCompletedAndTheFirstReadSyncs() {
            SyncAtCompletion completion = new SyncAtCompletion(h.callback, h.completeFlow, h.consents, h.dataSync, Runnable::run);
            var flow = h.startFlow(ALICE, FlowKind.ONGOING_ACCESS).flowId();
            h.provider.failNextDataCalls(1, () -> new ProviderUnavailable("503"));

            var outcome = completion.handle(h.approvedCallback(flow));

            assertThat(outcome.outcome()).isEqualTo(io.consentgateway.application.port.in.CallbackOutcome.Outcome.COMPLETED);
            assertThat(h.readAccounts.accounts(ALICE, outcome.consentId().orElseThrow()).data()).isNotEmpty();
        }
    }

    @Nested
    class BackgroundSyncs {
        final ConsentId id = h.connectOngoing(ALICE);
        /** Every hour, so the budget of four in 24 hours is what stops the fifth. */
        final DataSettings hourly = new DataSettings(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofHours(1), 4,
                Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(2));
        final AccountDataSync sync = new AccountDataSync(h.store, h.reader, hourly, h.unitOfWork, h.events, h.clock);
        final MaintainAccountDataService maintenance = new MaintainAccountDataService(h.store, h.consents, sync, h.settings,
                hourly, h.clock);

        @Test
        void theFifthBackgroundSyncOfAnAccountWithin24HoursIsNotMade() {
            h.readAccounts.accounts(ALICE, id);
            List<DataMaintenanceReport> reports = new ArrayList<>();
            for (int hour = 0; hour < 6; hour++) {
                h.advance(Duration.ofMinutes(61));
                reports.add(maintenance.run(10));
            }

            assertThat(reports).extracting(DataMaintenanceReport::synced).containsExactly(1, 1, 1, 1, 0, 0);
            assertThat(reports).extracting(DataMaintenanceReport::budgetSpent).containsExactly(0, 0, 0, 0, 1, 1);
            assertThat(h.listConsents.get(ALICE, id).data().backgroundSyncsUsed()).isEqualTo(4);
        }

        @Test
        void aReadByTheUserIsNotCountedAndStillSyncsWhenTheBudgetIsSpent() {
            h.readAccounts.accounts(ALICE, id);
            for (int hour = 0; hour < 5; hour++) {
                h.advance(Duration.ofMinutes(61));
                maintenance.run(10);
            }
            h.advance(Duration.ofMinutes(61));

            Instant synced = new StoredData(h.reader, sync, h.store, h.settings, hourly, h.clock)
                    .serve(h.consent(id), h.store::accounts).syncedAt();

            assertThat(synced).isEqualTo(h.clock.instant());
            assertThat(h.listConsents.get(ALICE, id).data().backgroundSyncsUsed()).isEqualTo(4);
        }

        @Test
        void theBudgetFreesUpAs24HoursPass() {
            h.readAccounts.accounts(ALICE, id);
            for (int hour = 0; hour < 5; hour++) {
                h.advance(Duration.ofMinutes(61));
                maintenance.run(10);
            }

            h.advance(Duration.ofHours(20));

            assertThat(maintenance.run(10).synced()).isEqualTo(1);
        }

        @Test
        void aBackgroundSyncIsNotTheUsersActivity() {
            h.readAccounts.accounts(ALICE, id);
            Instant lastActivity = h.consent(id).lastUserActivityAt();

            h.advance(Duration.ofMinutes(61));
            maintenance.run(10);

            assertThat(h.consent(id).lastUserActivityAt()).isEqualTo(lastActivity);
        }

        @Test
        void theDataOfAnEndedConsentIsDeletedAfterTheEndedRetention() {
            h.readAccounts.accounts(ALICE, id);
            h.fake.revokeAll();
            h.advance(Duration.ofMinutes(61));
            maintenance.run(10); // the refresh is refused: re-authorization required
            h.advance(Duration.ofMinutes(61));

            assertThat(maintenance.run(10).retentionSet()).isEqualTo(1);
            h.advance(Duration.ofDays(30));
            assertThat(maintenance.run(10).deleted()).isEqualTo(1);
            assertThat(h.store.syncState(id)).isEmpty();
        }

        @Test
        void dataOfAConsentThatNoLongerExistsIsDeleted() {
            h.readAccounts.accounts(ALICE, id);
            h.consents.delete(id);
            h.advance(Duration.ofMinutes(61));

            assertThat(maintenance.run(10).deleted()).isEqualTo(1);
            assertThat(h.store.syncState(id)).isEmpty();
        }
    }

    @Nested
    class Erasure {
        @Test
        void erasureLeavesNothingOfTheUserAndNothingElseChanges() {
            ConsentId ongoing = h.connectOngoing(ALICE);
            ConsentId oneTime = h.connect(ALICE, FlowKind.ONE_TIME_ACCESS);
            h.startOngoingFlow(ALICE);
            h.readAccounts.accounts(ALICE, ongoing);
            h.readAccounts.accounts(ALICE, oneTime);
            ConsentId bobs = h.connectOngoing(BOB);
            h.readAccounts.accounts(BOB, bobs);

            EraseUser.ErasureReport report = h.eraseUser.erase(ALICE);

            assertThat(report.consents()).isEqualTo(2);
            assertThat(report.flows()).isEqualTo(3);
            assertThat(report.events()).isPositive();
            assertThat(h.outbox.events()).noneMatch(event -> event.userId().equals(ALICE))
                    .anyMatch(event -> event.userId().equals(BOB));
            assertThat(h.consents.findByUser(ALICE)).isEmpty();
            assertThat(h.flows.all()).noneMatch(flow -> flow.userId().equals(ALICE));
            assertThat(h.store.syncState(ongoing)).isEmpty();
            assertThat(h.store.syncState(oneTime)).isEmpty();
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, ongoing)).isInstanceOf(NotFound.class);
            assertThat(h.readAccounts.accounts(BOB, bobs).data()).isNotEmpty();
        }

        @Test
        void erasureIsIdempotent() {
            h.connectOngoing(ALICE);
            h.eraseUser.erase(ALICE);

            assertThat(h.eraseUser.erase(ALICE)).isEqualTo(new EraseUser.ErasureReport(0, 0, 0));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
