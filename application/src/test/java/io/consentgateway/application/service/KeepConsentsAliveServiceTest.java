package io.consentgateway.application.service;

import io.consentgateway.application.port.in.KeepAliveReport;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.TokenPair;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static io.consentgateway.application.service.GatewayHarness.RETRY_DELAY;
import static io.consentgateway.application.service.GatewayHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeepConsentsAliveServiceTest {
    final GatewayHarness h = new GatewayHarness();

    static Instant day(long days) {
        return T0.plus(Duration.ofDays(days));
    }

    @Nested
    class Lanes {
        @Test
        void aBatchIsWorkedOnInSeveralLanesAtOnceAndEveryDueConsentIsRenewedExactlyOnce() throws Exception {
            List<ConsentId> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(h.connectOngoing(new UserId("user-" + i)));
            }
            h.atDay(30);
            // The first two refreshes to arrive wait for each other: in a single lane the first would wait in vain, time
            // out and fail its consent. (Whichever two arrive first: the lanes may run in any order.)
            CyclicBarrier together = new CyclicBarrier(2);
            java.util.concurrent.atomic.AtomicInteger arrivals = new java.util.concurrent.atomic.AtomicInteger();
            h.provider.onEveryRefresh(() -> {
                if (arrivals.incrementAndGet() <= 2) {
                    meet(together);
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(4);
            KeepAliveReport report;
            try {
                report = new KeepConsentsAliveService(h.flows, h.consents, h.refresher, h.settings, h.clock, pool, 4).run(100);
            } finally {
                pool.shutdownNow();
            }

            assertThat(report.claimed()).isEqualTo(40);
            assertThat(report.refreshed()).isEqualTo(40);
            assertThat(report.failed()).isZero();
            assertThat(h.fake.refreshCalls).hasValue(40);
            assertThat(ids).allSatisfy(id -> assertThat(h.consent(id).tokens().refreshIssuedAt()).contains(day(30)));
        }

        @Test
        void lanesNeedAPositiveCount() {
            assertThatThrownBy(() -> new KeepConsentsAliveService(h.flows, h.consents, h.refresher, h.settings, h.clock,
                    Runnable::run, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        private static void meet(CyclicBarrier barrier) {
            try {
                barrier.await(5, TimeUnit.SECONDS);
            } catch (Exception alone) {
                throw new IllegalStateException("no second refresh ran alongside this one", alone);
            }
        }
    }

    @Nested
    class Renewal {
        final ConsentId id = h.connectOngoing(ALICE);
        final TokenPair granted = h.consent(id).tokens();

        @Test
        void aRefreshTokenYoungerThan30DaysIsLeftAlone() {
            h.clock.set(day(30).minusSeconds(1));

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.claimed()).isZero();
            assertThat(h.fake.refreshCalls).hasValue(0);
        }

        @Test
        void aRefreshTokenOlderThan30DaysIsRenewed() {
            h.atDay(30);

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.refreshed()).isEqualTo(1);
            TokenPair now = h.consent(id).tokens();
            assertThat(now.refreshToken()).isPresent().isNotEqualTo(granted.refreshToken());
            assertThat(now.refreshIssuedAt()).contains(day(30));
            assertThat(h.fake.refreshCalls).hasValue(1);
        }

        @Test
        void aProviderThatKeepsTheOldRefreshTokenIsNotAskedAgainAtEveryTick() {
            h.fake.omitRefreshTokenOnRefresh(true);
            h.atDay(30);
            h.keepAlive.run(10);

            h.clock.set(day(30).plusSeconds(60));
            KeepAliveReport second = h.keepAlive.run(10);

            assertThat(second.refreshed()).isZero();
            assertThat(h.fake.refreshCalls).hasValue(1);
            assertThat(h.consent(id).tokens().refreshToken()).isEqualTo(granted.refreshToken());
        }

        @Test
        void aRenewedConsentIsNextCheckedWhenTheNewRefreshTokenIsDue() {
            h.atDay(30);

            h.keepAlive.run(10);

            assertThat(h.consent(id).nextCheckAt()).contains(day(60));
        }

        @Test
        void twoRunsAtTheSameTimeDoNotRefreshTwice() {
            h.atDay(30);

            h.keepAlive.run(10);
            KeepAliveReport second = h.keepAlive.run(10);

            assertThat(second.claimed()).isZero();
            assertThat(h.fake.refreshCalls).hasValue(1);
        }

        @Test
        void twoConcurrentRunsDoNotRefreshTwice() throws Exception {
            h.atDay(30);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            KeepAliveReport ra;
            KeepAliveReport rb;
            try {
                Future<KeepAliveReport> a = pool.submit(() -> runAfter(go));
                Future<KeepAliveReport> b = pool.submit(() -> runAfter(go));
                go.countDown();
                ra = a.get(10, TimeUnit.SECONDS);
                rb = b.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(ra.claimed() + rb.claimed()).isEqualTo(1);
            assertThat(ra.refreshed() + rb.refreshed()).isEqualTo(1);
            assertThat(h.fake.refreshCalls).hasValue(1);
        }

        @Test
        void aProviderOutageDefersTheConsentInsteadOfFailingTheRun() {
            h.atDay(30);
            h.fake.failNextRefresh(new ProviderUnavailable("503", Optional.empty(), false, null));

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.deferred()).isEqualTo(1);
            Consent consent = h.consent(id);
            assertThat(consent.nextCheckAt()).contains(day(30).plus(RETRY_DELAY));
            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.tokens()).isEqualTo(granted);
        }

        @Test
        void aProviderOutageWithALongerRetryAfterIsHonoured() {
            h.atDay(30);
            h.fake.failNextRefresh(new ProviderUnavailable("429", Optional.of(Duration.ofHours(2)), false, null));

            h.keepAlive.run(10);

            assertThat(h.consent(id).nextCheckAt()).contains(day(30).plus(Duration.ofHours(2)));
        }

        @Test
        void aRetryAfterBeyondTheCapIsCutToItAndAnAbsurdOneDoesNotAbortTheRun() {
            h.atDay(30);
            h.fake.failNextRefresh(new ProviderUnavailable("503", Optional.of(Duration.ofSeconds(Long.MAX_VALUE)), false, null));

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.deferred()).isEqualTo(1);
            assertThat(h.consent(id).nextCheckAt()).contains(day(30).plus(GatewayHarness.MAX_RETRY_AFTER));
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void whenTheProviderRefusesManyConsentsAtOnceTheFuseBlowsAndTheRestAreLeftUntouched() {
            List<ConsentId> more = java.util.stream.IntStream.range(0, 5).mapToObj(i -> h.connectOngoing(ALICE)).toList();
            h.atDay(30);
            h.fake.revokeAll(); // a provider-side incident: every refresh token refused

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.reauthRequired()).as("refusals up to and including the one that blows the fuse")
                    .isEqualTo(GatewayHarness.FUSE_REFUSALS + 1);
            assertThat(report.deferred()).isEqualTo(6 - (GatewayHarness.FUSE_REFUSALS + 1));
            long untouched = java.util.stream.Stream.concat(java.util.stream.Stream.of(id), more.stream())
                    .map(h::consent).filter(c -> c.status() == ConsentStatus.ACTIVE).count();
            assertThat(untouched).isEqualTo(6 - (GatewayHarness.FUSE_REFUSALS + 1));
            assertThat(h.fuse.blown()).containsExactly(FakeConsentProvider.ID);
        }

        @Test
        void aDeferredConsentIsRenewedOnceTheRetryDelayHasPassed() {
            h.atDay(30);
            h.fake.failNextRefresh(new ProviderUnavailable("503"));
            h.keepAlive.run(10);
            assertThat(h.keepAlive.run(10).claimed()).isZero();

            h.advance(RETRY_DELAY);

            assertThat(h.keepAlive.run(10).refreshed()).isEqualTo(1);
        }

        @Test
        void aRejectedRenewalRequiresReauthorizationAndKeepsTheTokens() {
            h.atDay(30);
            h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.reauthRequired()).isEqualTo(1);
            Consent consent = h.consent(id);
            assertThat(consent.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(consent.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_REJECTED);
            assertThat(consent.tokensIfAny()).contains(granted);
            assertThat(consent.nextCheckAt()).as("looked at again at its end, to expire it").contains(consent.expiresAt());
        }

        @Test
        void aConsentRequiringReauthorizationExpiresAtItsEndAndLosesItsTokens() {
            h.atDay(30);
            h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));
            h.keepAlive.run(10);
            Consent rejected = h.consent(id);

            h.clock.set(rejected.expiresAt());
            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.expired()).isEqualTo(1);
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(h.consent(id).tokensIfAny()).isEmpty();
            assertThat(h.consent(id).nextCheckAt()).isEmpty();
        }

        @Test
        void aRefreshChainRevokedAtTheProviderRequiresReauthorization() {
            h.fake.revokeAll();
            h.atDay(30);

            assertThat(h.keepAlive.run(10).reauthRequired()).isEqualTo(1);
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
        }

        @Test
        void aRevokedConsentIsNeverRenewed() {
            h.revokeConsent.revoke(ALICE, id);
            h.atDay(30);

            assertThat(h.keepAlive.run(10).claimed()).isZero();
            assertThat(h.fake.refreshCalls).hasValue(0);
        }
    }

    @Nested
    class Marking {
        final ConsentId id = h.connectOngoing(ALICE);

        @Test
        void aConsent14DaysBeforeItsEndIsMarkedExpiringSoon() {
            runAt(30);
            runAt(60);

            KeepAliveReport report = runAt(76);

            assertThat(report.expiringSoon()).isEqualTo(1);
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.EXPIRING_SOON);
        }

        @Test
        void aConsentPastItsEndIsMarkedExpiredAndNoLongerChecked() {
            runAt(30);
            runAt(60);
            runAt(76);

            KeepAliveReport report = runAt(90);

            assertThat(report.expired()).isEqualTo(1);
            Consent consent = h.consent(id);
            assertThat(consent.status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(consent.nextCheckAt()).isEmpty();
            assertThat(consent.tokensIfAny()).as("destroyed with the consent's end").isEmpty();
        }

        @Test
        void renewalsAloneNeverKeepAnUnusedConsentAlivePast90Days() {
            for (int day = 30; day <= 95; day++) {
                runAt(day);
            }

            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.EXPIRED);
            assertThat(h.consent(id).expiresAt()).isEqualTo(day(90));
        }

        @Test
        void aConsentLeftUnattendedUntilAfterItsEndIsMarkedExpiredWithoutARefresh() {
            KeepAliveReport report = runAt(95);

            assertThat(report.expired()).isEqualTo(1);
            assertThat(h.fake.refreshCalls).hasValue(0);
        }

        private KeepAliveReport runAt(long days) {
            h.atDay(days);
            return h.keepAlive.run(10);
        }
    }

    @Nested
    class FlowLapsing {
        @Test
        void anAbandonedFlowIsLapsedToExpired() {
            FlowId flowId = h.startOngoingFlow(ALICE).flowId();
            h.advance(Duration.ofHours(1));

            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.flowsLapsed()).isEqualTo(1);
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.EXPIRED);
        }

        @Test
        void aFlowStillWithinItsLifetimeIsLeftAlone() {
            FlowId flowId = h.startOngoingFlow(ALICE).flowId();
            h.advance(Duration.ofMinutes(59));

            assertThat(h.keepAlive.run(10).flowsLapsed()).isZero();
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.AWAITING_USER);
        }

        @Test
        void aFlowLeftExchangingByACrashFailsOnceItsCodeLapsed() {
            FlowId flowId = h.startOngoingFlow(BOB).flowId();
            h.flows.save(h.flow(flowId).awaitingUser().orElseThrow().beginExchange(h.now(), h.policy));
            h.advance(Duration.ofHours(1));

            h.keepAlive.run(10);

            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.FAILED);
            assertThat(h.flow(flowId).failure()).contains(FlowFailure.CODE_EXPIRED);
        }

        @Test
        void aFlowLeftExchangingByACrashFailsAsInterruptedOnceItsExchangeTimeoutPassed() {
            FlowId flowId = h.startOngoingFlow(BOB).flowId();
            h.flows.save(h.flow(flowId).awaitingUser().orElseThrow().beginExchange(h.now(), h.policy));

            h.advance(h.policy.exchangeTimeout().minusSeconds(1));
            h.keepAlive.run(10);
            assertThat(h.flow(flowId).status()).as("perhaps still under way").isEqualTo(FlowStatus.EXCHANGING);

            h.advance(Duration.ofSeconds(1));
            assertThat(h.keepAlive.run(10).flowsLapsed()).isEqualTo(1);

            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.FAILED);
            assertThat(h.flow(flowId).failure()).contains(FlowFailure.EXCHANGE_INTERRUPTED);
        }

        @Test
        void aLapsedFlowCannotBeCompletedAfterwards() {
            FlowId flowId = h.startOngoingFlow(ALICE).flowId();
            String code = h.approve(flowId);
            h.advance(Duration.ofHours(1));
            h.keepAlive.run(10);

            h.callback.handle(h.callbackFor(flowId).success("true").code(code).build());

            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Test
    void aBatchSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> h.keepAlive.run(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRunClaimsNoMoreThanItsBatch() {
        for (int i = 0; i < 3; i++) {
            h.connectOngoing(ALICE);
        }
        h.atDay(30);

        assertThat(h.keepAlive.run(2).claimed()).isEqualTo(2);
        assertThat(h.keepAlive.run(2).claimed()).isEqualTo(1);
        assertThat(h.fake.refreshCalls).hasValue(3);
    }

    private KeepAliveReport runAfter(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return h.keepAlive.run(10);
    }
}
