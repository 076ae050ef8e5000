package io.consentgateway.application.port.out.contract;

import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.consentgateway.application.port.out.contract.PortFixtures.ALICE;
import static io.consentgateway.application.port.out.contract.PortFixtures.POLICY;
import static io.consentgateway.application.port.out.contract.PortFixtures.T0;
import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static io.consentgateway.application.port.out.contract.PortFixtures.tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link UnitOfWork} implementation must do, observed through the repository that takes part in it
 * ({@link Consents}): results and exceptions pass through unchanged, a nested call joins the outer transaction,
 * and the row locks taken inside last exactly until the outermost transaction ends, however it ends.
 *
 * <p>Rolling back writes is not part of this contract: the in-memory fakes do not undo writes. The database
 * adapters test it on their own.
 */
public abstract class UnitOfWorkContract {

    protected abstract UnitOfWork unitOfWork();

    /** A repository that joins {@link #unitOfWork()}; empty at the start of each test. */
    protected abstract Consents consents();

    @Test
    void resultOfTheWorkIsReturned() {
        assertThat(unitOfWork().inTransaction(() -> "done")).isEqualTo("done");
    }

    @Test
    void nullResultIsReturnedAsNull() {
        assertThat(unitOfWork().<String>inTransaction(() -> null)).isNull();
    }

    @Test
    void exceptionOfTheWorkReachesTheCallerUnchanged() {
        IllegalArgumentException failure = new IllegalArgumentException("work failed");

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void writesOfACompletedTransactionAreStored() {
        Consent consent = ongoingConsent(ALICE, T0);

        unitOfWork().inTransaction(() -> consents().save(consent));

        assertThat(consents().findById(consent.id())).isPresent();
    }

    @Test
    void workSeesItsOwnWritesBeforeItEnds() {
        Consent consent = ongoingConsent(ALICE, T0);

        Optional<Consent> seen = unitOfWork().inTransaction(() -> {
            consents().save(consent);
            return consents().findById(consent.id());
        });

        assertThat(seen).get().extracting(Consent::version).isEqualTo(1L);
    }

    @Test
    void nestedTransactionJoinsTheOuterOneAndSeesItsWrites() {
        Consent consent = ongoingConsent(ALICE, T0);

        Optional<Consent> seenInside = unitOfWork().inTransaction(() -> {
            consents().save(consent);
            return unitOfWork().inTransaction(() -> consents().findById(consent.id()));
        });

        assertThat(seenInside).isPresent();
    }

    @Test
    @Timeout(60)
    void lockTakenInANestedTransactionIsHeldUntilTheOuterOneEnds() throws Exception {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        CountDownLatch innerEnded = new CountDownLatch(1);
        CountDownLatch releaseOuter = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> outer = pool.submit(() -> unitOfWork().inTransaction(() -> {
                unitOfWork().inTransaction(() -> consents().lockForRefresh(stored.id()));
                innerEnded.countDown();
                await(releaseOuter);
                return null;
            }));
            assertThat(innerEnded.await(20, TimeUnit.SECONDS)).isTrue();

            Future<Optional<Consent>> other = pool.submit(
                    () -> unitOfWork().inTransaction(() -> consents().lockForRefresh(stored.id())));
            Thread.sleep(300);
            assertThat(other.isDone()).as("lock released when the nested transaction ended").isFalse();

            releaseOuter.countDown();
            outer.get(20, TimeUnit.SECONDS);
            assertThat(other.get(20, TimeUnit.SECONDS)).isPresent();
        } finally {
            releaseOuter.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void lockIsReleasedWhenTheWorkFails() throws Exception {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));

        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            consents().lockForRefresh(stored.id());
            throw new IllegalStateException("provider call failed");
        })).hasMessage("provider call failed");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Consent>> other = pool.submit(
                    () -> unitOfWork().inTransaction(() -> consents().lockForRefresh(stored.id())));
            assertThat(other.get(10, TimeUnit.SECONDS)).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void transactionAfterAFailedOneWorksNormally() {
        Consent stored = consents().save(ongoingConsent(ALICE, T0));
        assertThatThrownBy(() -> unitOfWork().inTransaction(() -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        Consent saved = unitOfWork().inTransaction(() -> {
            Consent locked = consents().lockForRefresh(stored.id()).orElseThrow();
            return consents().save(locked.refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                    .refreshed(tokens("at-2", "rt-2")));
        });

        assertThat(consents().findById(stored.id())).get().extracting(Consent::version).isEqualTo(saved.version());
    }

    @Test
    void outsideATransactionTheRepositoryStillWorks() {
        AtomicReference<Consent> stored = new AtomicReference<>();
        unitOfWork().inTransaction(() -> stored.getAndSet(consents().save(ongoingConsent(ALICE, T0))));

        Consent refreshed = consents().save(stored.get().refreshable(T0.plusSeconds(60), POLICY).orElseThrow()
                .refreshed(tokens("at-3", "rt-3")));

        assertThat(consents().findById(refreshed.id())).get().extracting(Consent::version).isEqualTo(2L);
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
