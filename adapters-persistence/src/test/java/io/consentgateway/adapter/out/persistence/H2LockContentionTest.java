package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.TestKeys;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.shared.UserId;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.port.out.contract.PortFixtures.ongoingConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A save that meets a refresh's row lock (held during the provider call) and gives up waiting is a
 * {@link ConcurrentUpdate} — the port's "nothing was written, try again" — never a raw database error (a 500).
 */
class H2LockContentionTest {

    @Test
    void aSaveThatTimesOutOnARefreshLockIsAConcurrentUpdate() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:cg_lock_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=300");
        DatabaseMigrations.migrate(dataSource);
        PersistenceAdapter persistence = PersistenceAdapter.create(dataSource, TestKeys.ring());
        Consents consents = persistence.consents();
        UnitOfWork unitOfWork = persistence.unitOfWork();
        Consent stored = consents.save(ongoingConsent(new UserId("alice"), Instant.parse("2026-11-22T10:00:00Z")));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread refresher = new Thread(() -> unitOfWork.inTransaction(() -> {
            consents.lockForRefresh(stored.id()).orElseThrow();
            locked.countDown();
            await(release);
            return null;
        }));
        refresher.start();
        assertThat(locked.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> consents.save(stored)).isInstanceOf(ConcurrentUpdate.class)
                    .hasMessageContaining("locked");
        } finally {
            release.countDown();
            refresher.join(5_000);
        }
        assertThat(consents.findById(stored.id()).orElseThrow().version()).isEqualTo(stored.version());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
