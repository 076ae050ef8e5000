package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.TokenPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.BOB;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.consentDueAt;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static io.consentgateway.application.port.out.contract.PortFixtures.oneTimeConsent;
import static io.consentgateway.application.port.out.contract.PortFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Consents} implementation must do (the in-memory fake, H2, PostgreSQL), including the two
 * operations of the refresh protocol: {@code lockForRefresh} and {@code claimDue}. A subclass provides an empty
 * repository and the {@link UnitOfWork} it takes part in.
 */
public abstract class ConsentsContract {
    private static final Instant NOW = T0.plus(Duration.ofDays(40));
    private static final Instant LEASE = NOW.plus(Duration.ofMinutes(5));

    /** The repository under test; empty at the start of each test, the same instance throughout one test. */
    protected abstract Consents consents();

    /** The transactions {@link #consents()} joins. */
    protected abstract UnitOfWork unitOfWork();

    // ---- storing and reading back ----

    @Test
    void grantedOngoingConsentIsStoredAtVersionOneAndReadsBackWithEveryField() {
        Consent consent = ongoingConsent(ALICE, T0);

        Consent stored = consents().save(consent);

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.snapshot()).isEqualTo(consent.withVersion(1).snapshot());
        Consent read = consents().findById(consent.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(stored.snapshot());
        assertThat(read.tokens().accessToken().reveal()).isEqualTo("at-" + consent.id());
        assertThat(read.refreshToken().orElseThrow().reveal()).isEqualTo("rt-" + consent.id());
        assertThat(read.nextCheckAt()).isPresent();
    }

    @Test
    void oneTimeConsentReadsBackWithoutARefreshToken() {
        Consent consent = consents().save(oneTimeConsent(BOB, T0));

        Consent read = consents().findById(consent.id()).orElseThrow();

        assertThat(read.snapshot()).isEqualTo(consent.snapshot());
        assertThat(read.tokens().refreshToken()).isEmpty();
        assertThat(read.tokens().refreshExpiresAt()).isEmpty();
    }

    @Test
    void refreshedConsentReadsBackWithTheNewPairAndItsRefreshTime() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        Instant at = T0.plus(Duration.ofDays(31));
        Consent refreshed = consents().save(stored.refreshable(at, POLICY).orElseThrow()
                .refreshed(tokens("at-new", "rt-new")));

        Consent read = consents().findById(stored.id()).orElseThrow();

        assertThat(read.snapshot()).isEqualTo(refreshed.snapshot());
        assertThat(read.tokens().accessToken().reveal()).isEqualTo("at-new");
        assertThat(read.refreshToken().orElseThrow().reveal()).isEqualTo("rt-new");
        assertThat(read.lastRefreshedAt()).contains(at);
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void revokedConsentReadsBackWithoutTokens() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        consents().save(stored.revocable().orElseThrow().revoke(T0.plusSeconds(60)));

        Consent read = consents().findById(stored.id()).orElseThrow();

        assertThat(read.status()).isEqualTo(ConsentStatus.REVOKED);
        assertThat(read.tokensIfAny()).isEmpty();
        assertThat(read.nextCheckAt()).isEmpty();
    }

    @Test
    void consentRequiringReauthorizationKeepsItsTokens() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        Consent rejected = consents().save(stored.refreshable(T0, POLICY).orElseThrow().refreshRejected());

        Consent read = consents().findById(stored.id()).orElseThrow();

        assertThat(read.snapshot()).isEqualTo(rejected.snapshot());
        assertThat(read.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
        assertThat(read.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_REJECTED);
        assertThat(read.tokens()).isEqualTo(stored.tokens());
    }

    @Test
    void aRefreshInDoubtAndALostRefreshReadBackAsStored() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        Consent inDoubt = consents().save(stored.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                .refreshUnanswered(T0.plusSeconds(60)));

        assertThat(consents().findById(stored.id()).orElseThrow().snapshot()).isEqualTo(inDoubt.snapshot());
        assertThat(inDoubt.refreshInDoubtSince()).contains(T0.plusSeconds(60));

        Consent lost = consents().save(inDoubt.refreshable(T0.plusSeconds(120), POLICY).orElseThrow()
                .refreshUnanswered(T0.plusSeconds(120)));

        Consent read = consents().findById(stored.id()).orElseThrow();
        assertThat(read.snapshot()).isEqualTo(lost.snapshot());
        assertThat(read.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
        assertThat(read.refreshInDoubtSince()).isEmpty();
    }

    @Test
    void expiredConsentReadsBackWithoutTokens() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        consents().save(stored.review(stored.expiresAt(), POLICY));

        Consent read = consents().findById(stored.id()).orElseThrow();

        assertThat(read.status()).isEqualTo(ConsentStatus.EXPIRED);
        assertThat(read.tokensIfAny()).isEmpty();
    }

    @Test
    void sixteenKilobyteTokensRoundTrip() {
        String access = "A".repeat(8 * 1024) + "é€" + "b".repeat(8 * 1024);
        String refresh = "R".repeat(16 * 1024);
        Consent consent = Consent.grant(ConsentId.random(), ALICE, PortFixtures.AGGREGATOR,
                ConsentKind.ONGOING_ACCESS, Optional.empty(), tokens(access, refresh),
                T0, POLICY);

        consents().save(consent);

        TokenPair read = consents().findById(consent.id()).orElseThrow().tokens();
        assertThat(read.accessToken().reveal()).isEqualTo(access);
        assertThat(read.refreshToken().orElseThrow().reveal()).isEqualTo(refresh);
    }

    @Test
    void unknownConsentIsNotFound() {
        assertThat(consents().findById(ConsentId.random())).isEmpty();
    }

    // ---- a user's consents ----

    @Test
    void usersConsentsComeNewestFirst() {
        Consent oldest = consents().save(ongoingConsent(ALICE, T0));
        Consent newest = consents().save(oneTimeConsent(ALICE, T0.plus(Duration.ofDays(2))));
        Consent middle = consents().save(ongoingConsent(ALICE, T0.plus(Duration.ofDays(1))));

        assertThat(consents().findByUser(ALICE)).extracting(Consent::id)
                .containsExactly(newest.id(), middle.id(), oldest.id());
    }

    @Test
    void userNeverSeesAnotherUsersConsents() {
        Consent alices = consents().save(ongoingConsent(ALICE, T0));
        Consent bobs = consents().save(ongoingConsent(BOB, T0));

        assertThat(consents().findByUser(ALICE)).extracting(Consent::id).containsExactly(alices.id());
        assertThat(consents().findByUser(BOB)).extracting(Consent::id).containsExactly(bobs.id());
        assertThat(consents().findByUser(new UserId("carol@fintech.example"))).isEmpty();
    }

    @Test
    void usersConsentsReadBackComplete() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));

        assertThat(consents().findByUser(ALICE)).extracting(Consent::snapshot).containsExactly(stored.snapshot());
    }

    // ---- erasure ----

    @Test
    void deleteRemovesTheConsentAndAnswersWhetherThereWasOne() {
        Consent deleted = consents().save(ongoingConsent(ALICE, T0));
        Consent kept = consents().save(oneTimeConsent(ALICE, T0.plusSeconds(1)));

        assertThat(consents().delete(deleted.id())).isTrue();

        assertThat(consents().findById(deleted.id())).isEmpty();
        assertThat(consents().findByUser(ALICE)).extracting(Consent::id).containsExactly(kept.id());
        assertThat(consents().delete(deleted.id())).isFalse();
        assertThat(consents().delete(ConsentId.random())).isFalse();
    }

    @Test
    void aDeletedConsentIsNeverClaimedAgain() {
        Consent due = consents().save(consentDueAt(NOW));
        consents().claimDue(NOW, 10, LEASE);

        consents().delete(due.id());

        assertThat(consents().claimDue(LEASE.plusSeconds(1), 10, LEASE.plusSeconds(60))).isEmpty();
    }

    // ---- optimistic versions ----

    @Test
    void staleWriteIsRejectedAndNothingIsOverwritten() {
        Consent v1 = consents().save(ongoingConsent(ALICE, T0));
        Consent refreshedFirst = consents().save(v1.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                .refreshed(tokens("at-winner", "rt-winner")));

        assertThatThrownBy(() -> consents().save(v1.refreshable(T0.plusSeconds(61), POLICY).orElseThrow()
                .refreshed(tokens("at-loser", "rt-loser"))))
                .isInstanceOf(ConcurrentUpdate.class)
                .hasMessageContaining(v1.id().toString())
                .hasMessageNotContaining("at-loser");
        assertThat(consents().findById(v1.id())).get().extracting(Consent::snapshot).isEqualTo(refreshedFirst.snapshot());
    }

    @Test
    void secondConsentWithTheSameIdIsRejected() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));

        assertThatThrownBy(() -> consents().save(stored.revocable().orElseThrow()
                .revoke(T0).withVersion(0))).isInstanceOf(ConcurrentUpdate.class);
        assertThat(consents().findById(stored.id()).orElseThrow().snapshot()).isEqualTo(stored.snapshot());
    }

    @Test
    void updateOfAConsentThatWasNeverStoredIsRejected() {
        Consent neverStored = ongoingConsent(ALICE, T0).withVersion(2);

        assertThatThrownBy(() -> consents().save(neverStored)).isInstanceOf(ConcurrentUpdate.class);
        assertThat(consents().findById(neverStored.id())).isEmpty();
    }

    // ---- claiming due consents ----

    @Test
    void claimReturnsOnlyDueConsentsEarliestDueFirst() {
        Consent dueLast = consents().save(consentDueAt(NOW));
        Consent dueFirst = consents().save(consentDueAt(NOW.minus(Duration.ofHours(2))));
        Consent dueSecond = consents().save(consentDueAt(NOW.minus(Duration.ofHours(1))));
        consents().save(consentDueAt(NOW.plusNanos(1000)));

        assertThat(consents().claimDue(NOW, 10, LEASE)).containsExactly(dueFirst.id(), dueSecond.id(), dueLast.id());
    }

    @Test
    void claimTakesNoMoreThanTheLimitAndLeavesTheRestForTheNextClaim() {
        List<ConsentId> due = IntStream.range(0, 5)
                .mapToObj(i -> consents().save(consentDueAt(NOW.minus(Duration.ofMinutes(10 - i)))).id())
                .toList();

        assertThat(consents().claimDue(NOW, 3, LEASE)).containsExactlyElementsOf(due.subList(0, 3));
        assertThat(consents().claimDue(NOW, 3, LEASE)).containsExactlyElementsOf(due.subList(3, 5));
        assertThat(consents().claimDue(NOW, 3, LEASE)).isEmpty();
    }

    @Test
    void leasedConsentIsNotClaimedAgainUntilItsLeaseRunsOut() {
        Consent due = consents().save(consentDueAt(NOW));
        assertThat(consents().claimDue(NOW, 10, LEASE)).containsExactly(due.id());

        assertThat(consents().claimDue(NOW.plusSeconds(1), 10, LEASE.plusSeconds(1))).isEmpty();
        assertThat(consents().claimDue(LEASE, 10, LEASE.plusSeconds(60))).isEmpty();
        assertThat(consents().claimDue(LEASE.plusNanos(1000), 10, LEASE.plusSeconds(60))).containsExactly(due.id());
    }

    @Test
    void savingAConsentReleasesItsLease() {
        Consent due = consents().save(consentDueAt(NOW));
        consents().claimDue(NOW, 10, LEASE);

        consents().save(due.checkAgainAt(NOW));

        assertThat(consents().claimDue(NOW, 10, LEASE)).containsExactly(due.id());
    }

    @Test
    void consentWithNothingLeftToCheckIsNeverClaimed() {
        Consent revoked = consents().save(consents().save(ongoingConsent(ALICE, T0)).revocable().orElseThrow()
                .revoke(T0.plusSeconds(1)));

        assertThat(revoked.nextCheckAt()).isEmpty();
        assertThat(consents().claimDue(T0.plus(Duration.ofDays(3650)), 10, LEASE)).isEmpty();
    }

    @Test
    void claimDoesNotChangeTheConsentItself() {
        Consent due = consents().save(consentDueAt(NOW));

        consents().claimDue(NOW, 10, LEASE);

        assertThat(consents().findById(due.id())).get().extracting(Consent::snapshot).isEqualTo(due.snapshot());
        assertThat(consents().save(due.checkAgainAt(NOW.plusSeconds(60))).version()).isEqualTo(2);
    }

    @Test
    @Timeout(60)
    void concurrentClaimersNeverReceiveTheSameConsent() throws Exception {
        int count = 120;
        unitOfWork().inTransaction(() -> {
            IntStream.range(0, count).forEach(i -> consents().save(consentDueAt(NOW.minusSeconds(i))));
            return null;
        });
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ConsentId>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<ConsentId> mine = new ArrayList<>();
                    for (List<ConsentId> batch = consents().claimDue(NOW, 7, LEASE); !batch.isEmpty();
                         batch = consents().claimDue(NOW, 7, LEASE)) {
                        mine.addAll(batch);
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<ConsentId> all = new ArrayList<>();
            for (Future<List<ConsentId>> result : results) {
                all.addAll(result.get(50, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(count).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- locking for a refresh ----

    @Test
    void lockForRefreshReturnsTheConsentAsStoredNow() {
        Consent readEarlier = consents().save(ongoingConsent(ALICE, T0));
        Consent refreshedMeanwhile = consents().save(readEarlier.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                .refreshed(tokens("at-2", "rt-2")));

        Optional<Consent> locked = unitOfWork().inTransaction(() -> consents().lockForRefresh(readEarlier.id()));

        assertThat(locked).get().extracting(Consent::snapshot).isEqualTo(refreshedMeanwhile.snapshot());
    }

    @Test
    void lockForRefreshOfAnUnknownConsentIsEmpty() {
        assertThat(unitOfWork().inTransaction(() -> consents().lockForRefresh(ConsentId.random()))).isEmpty();
    }

    @Test
    void idsOfUserAreEveryConsentOfThatUserAndNoOneElses() {
        Consent first = consents().save(ongoingConsent(ALICE, T0));
        Consent second = consents().save(ongoingConsent(ALICE, T0.plusSeconds(1)));
        consents().save(ongoingConsent(BOB, T0));

        assertThat(consents().idsOfUser(ALICE)).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(consents().idsOfUser(new UserId("nobody"))).isEmpty();
    }

    @Test
    void lockForRefreshOutsideATransactionIsRejected() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));

        assertThatThrownBy(() -> consents().lockForRefresh(stored.id())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void consentSavedUnderTheLockIsStoredWhenTheTransactionEnds() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));

        Consent saved = unitOfWork().inTransaction(() -> {
            Consent locked = consents().lockForRefresh(stored.id()).orElseThrow();
            return consents().save(locked.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                    .refreshed(tokens("at-locked", "rt-locked")));
        });

        assertThat(consents().findById(stored.id())).get().extracting(Consent::snapshot).isEqualTo(saved.snapshot());
    }

    @Test
    @Timeout(60)
    void secondRefresherWaitsForTheFirstAndThenSeesItsTokens() throws Exception {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Consent> first = pool.submit(() -> unitOfWork().inTransaction(() -> {
                Consent locked = consents().lockForRefresh(stored.id()).orElseThrow();
                firstHoldsLock.countDown();
                await(releaseFirst);
                return consents().save(locked.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                        .refreshed(tokens("at-first", "rt-first")));
            }));
            assertThat(firstHoldsLock.await(20, TimeUnit.SECONDS)).isTrue();

            Future<Consent> second = pool.submit((Callable<Consent>) () -> unitOfWork().inTransaction(
                    () -> consents().lockForRefresh(stored.id()).orElseThrow()));
            Thread.sleep(300);
            assertThat(second.isDone()).as("second lock granted while the first still holds it").isFalse();

            releaseFirst.countDown();
            Consent firstResult = first.get(20, TimeUnit.SECONDS);
            Consent secondSaw = second.get(20, TimeUnit.SECONDS);

            assertThat(secondSaw.snapshot()).isEqualTo(firstResult.snapshot());
            assertThat(secondSaw.tokens().accessToken().reveal()).isEqualTo("at-first");
            assertThat(secondSaw.version()).isEqualTo(2);
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void lockOnOneConsentDoesNotBlockAnother() throws Exception {
        Consent one = consents().save(ongoingConsent(ALICE, T0));
        Consent other = consents().save(ongoingConsent(BOB, T0));
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> unitOfWork().inTransaction(() -> {
                consents().lockForRefresh(one.id());
                firstHoldsLock.countDown();
                await(releaseFirst);
                return null;
            }));
            assertThat(firstHoldsLock.await(20, TimeUnit.SECONDS)).isTrue();

            Future<Optional<Consent>> second = pool.submit(
                    () -> unitOfWork().inTransaction(() -> consents().lockForRefresh(other.id())));

            assertThat(second.get(10, TimeUnit.SECONDS)).get().extracting(Consent::id).isEqualTo(other.id());
            releaseFirst.countDown();
            first.get(20, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
