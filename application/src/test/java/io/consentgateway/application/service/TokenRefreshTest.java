package io.consentgateway.application.service;

import io.consentgateway.application.port.in.ConsentView;
import io.consentgateway.application.port.in.KeepAliveReport;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentNotUsable;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.consent.NextAction;
import io.consentgateway.domain.consent.ReauthorizationReason;
import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AccessToken;
import io.consentgateway.domain.token.TokenPair;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRefreshTest {
    final GatewayHarness h = new GatewayHarness();
    final ConsentId id = h.connectOngoing(ALICE);
    final TokenPair granted = h.consent(id).tokens();

    @Nested
    class Rotation {
        @Test
        void aRefreshReplacesBothTokens() {
            h.advance(Duration.ofHours(2));

            h.readAccounts.accounts(ALICE, id).data();

            TokenPair now = h.consent(id).tokens();
            assertThat(now.accessToken()).isNotEqualTo(granted.accessToken());
            assertThat(now.refreshToken()).isPresent().isNotEqualTo(granted.refreshToken());
            assertThat(now.accessExpiresAt()).isEqualTo(h.now().plus(Duration.ofHours(1)));
            assertThat(now.refreshExpiresAt()).contains(h.now().plus(Duration.ofDays(90)));
        }

        @Test
        void theOldRefreshTokenIsKeptWhenTheResponseHasNone() {
            h.fake.omitRefreshTokenOnRefresh(true);
            h.advance(Duration.ofHours(2));

            h.readAccounts.accounts(ALICE, id).data();

            TokenPair now = h.consent(id).tokens();
            assertThat(now.accessToken()).isNotEqualTo(granted.accessToken());
            assertThat(now.refreshToken()).isEqualTo(granted.refreshToken());
            assertThat(now.refreshExpiresAt()).isEqualTo(granted.refreshExpiresAt());
        }

        @Test
        void aRefreshRecordsWhenItHappened() {
            h.advance(Duration.ofHours(2));

            h.readAccounts.accounts(ALICE, id).data();

            assertThat(h.consent(id).lastRefreshedAt()).contains(h.now());
        }
    }

    @Nested
    class Rejection {
        @Test
        void invalidGrantOnRefreshRequiresReauthorizationAndKeepsTheTokens() {
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
            Consent stored = h.consent(id);
            assertThat(stored.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(stored.tokensIfAny()).contains(granted);
        }

        @Test
        void aConsentRequiringReauthorizationIsNotRefreshedAgain() {
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

            assertThat(h.fake.refreshCalls).hasValue(1);
        }

        @Test
        void aRefreshTheProviderNeverProcessedChangesNothing() {
            h.advance(Duration.ofHours(2));
            Consent before = h.consent(id);
            h.fake.failNextRefresh(new ProviderUnavailable("503", Optional.empty(), false, null));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            assertThat(h.consent(id).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void afterAnOutageDuringRefreshTheNextReadRefreshesWithTheKeptToken() {
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ProviderUnavailable("503", Optional.empty(), false, null));
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.ACTIVE);
        }
    }

    /** A refresh that reached the provider and whose answer never came back. */
    @Nested
    class InDoubt {
        @Test
        void aLostAnswerIsRecordedVisiblyAndTheReaderSeesAnOutage() {
            h.advance(Duration.ofHours(2));
            h.fake.loseRefreshAnswers(1);

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            Consent stored = h.consent(id);
            assertThat(stored.refreshInDoubtSince()).contains(h.now());
            assertThat(stored.tokens()).as("nothing to replace them with").isEqualTo(granted);
            assertThat(stored.nextCheckAt()).contains(h.now().plus(h.policy.settleInDoubtAfter()));
            ConsentView view = h.listConsents.get(ALICE, id);
            assertThat(view.refreshInDoubtSince()).contains(h.now());
            assertThat(view.status()).isEqualTo(ConsentStatus.ACTIVE);
        }

        @Test
        void theSchedulerSettlesItWithinARunAndANewPairEndsTheDoubt() {
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ProviderUnavailable("read timed out", Optional.empty(), true, null)); // never processed
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            h.advance(Duration.ofMinutes(1));
            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.refreshed()).isEqualTo(1);
            Consent settled = h.consent(id);
            assertThat(settled.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(settled.refreshInDoubtSince()).isEmpty();
            assertThat(settled.tokens().refreshToken()).isNotEqualTo(granted.refreshToken());
            assertThat(h.fake.refreshCalls).hasValue(2);
            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();
        }

        @Test
        void aTokenSpentByTheLostAnswerIsRefusedAndTheConsentIsLostWithThatReason() {
            h.advance(Duration.ofHours(2));
            h.fake.loseRefreshAnswers(1); // processed: the kept refresh token is spent
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            h.advance(Duration.ofMinutes(1));
            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.reauthRequired()).isEqualTo(1);
            Consent lost = h.consent(id);
            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            ConsentView view = h.listConsents.get(ALICE, id);
            assertThat(view.reason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(view.nextAction()).isEqualTo(NextAction.RENEW);
            assertThat(view.refreshInDoubtSince()).isEmpty();
        }

        @Test
        void aSecondLostAnswerNeverLeadsToAThirdPresentationOfTheToken() {
            h.advance(Duration.ofHours(2));
            h.fake.loseRefreshAnswers(2);
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);
            h.fake.failNextRefresh(new ProviderUnavailable("timed out again", Optional.empty(), true, null));

            h.advance(Duration.ofMinutes(1));
            h.keepAlive.run(10);
            h.advance(Duration.ofMinutes(1));
            h.keepAlive.run(10);
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);

            assertThat(h.fake.refreshCalls).as("the first refresh and one replay, never a second replay").hasValue(2);
            assertThat(h.consent(id).reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
        }

        @Test
        void aReadThatNeedsFreshTokensSettlesTheDoubtItself() {
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ProviderUnavailable("read timed out", Optional.empty(), true, null));
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();

            assertThat(h.consent(id).refreshInDoubtSince()).isEmpty();
            assertThat(h.fake.refreshCalls).hasValue(2);
        }

        @Test
        void aReplayThatCannotLeaveKeepsTheDoubtForLater() {
            h.advance(Duration.ofHours(2));
            h.fake.loseRefreshAnswers(1);
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);
            java.time.Instant since = h.now();
            h.fake.becomeUnreachable();

            h.advance(Duration.ofMinutes(1));
            KeepAliveReport report = h.keepAlive.run(10);

            assertThat(report.deferred()).isEqualTo(1);
            assertThat(h.consent(id).refreshInDoubtSince()).contains(since);
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.ACTIVE);
        }
    }

    /**
     * A node killed with a refresh in flight: its journal note outlives it (the in-memory fakes roll nothing back, and
     * the real note is committed on its own before the token leaves).
     */
    @Nested
    class NodeDiedMidRefresh {
        /** What kill -9 looks like from inside: the refresh call never returns to the code that would store it. */
        static final class NodeDied extends RuntimeException {
            NodeDied() {
                super("kill -9");
            }
        }

        /** The doubt is over: the consent is ACTIVE with a rotated refresh token, and no journal note is left. */
        void assertSettledWithNewTokensAndNoNote() {
            Consent settled = h.consent(id);
            assertThat(settled.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(settled.refreshInDoubtSince()).isEmpty();
            assertThat(settled.tokens().refreshToken()).isNotEqualTo(granted.refreshToken());
            assertThat(h.journal.notes()).isEmpty();
        }

        @Test
        void afterTheProviderRotatedTheTokenTheNextReadRecordsTheDoubtAndLosesTheConsentVisiblyNeverSilently() {
            h.advance(Duration.ofHours(2));
            h.provider.onNextRefresh(() -> {
                h.fake.refresh(granted.refreshToken().orElseThrow()); // the provider processed it...
                throw new NodeDied();                                  // ...and the node died before storing the answer
            });
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(NodeDied.class);
            assertThat(h.consent(id).tokens()).as("the dead node stored nothing").isEqualTo(granted);
            assertThat(h.journal.notes()).containsKey(id);

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                    .isInstanceOfSatisfying(ConsentNotUsable.class,
                            e -> assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED));

            Consent lost = h.consent(id);
            assertThat(lost.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(lost.reauthorizationReason()).contains(ReauthorizationReason.REFRESH_LOST);
            assertThat(h.journal.notes()).isEmpty();
        }

        @Test
        void beforeTheProviderProcessedItTheNextReadSettlesTheDoubtWithTheKeptToken() {
            h.advance(Duration.ofHours(2));
            h.provider.onNextRefresh(() -> {
                throw new NodeDied();
            });
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(NodeDied.class);

            assertThat(h.readAccounts.accounts(ALICE, id).data()).isNotEmpty();

            assertSettledWithNewTokensAndNoNote();
        }

        @Test
        void theSchedulerFindsAnAbandonedNoteOfAConsentNotDueRecordsTheDoubtAndSettlesIt() {
            h.journal.sending(id, h.now()); // a node died refreshing, for a read, a consent the scheduler has no reason to look at
            h.advance(TokenRefresher.ABANDONED_AFTER.plusSeconds(1));

            KeepAliveReport report = h.keepAlive.run(10);

            // Recorded as in doubt since the note's time, so already due for its settling attempt in the same run.
            assertThat(report.inDoubt()).isEqualTo(1);
            assertThat(report.refreshed()).isEqualTo(1);
            assertSettledWithNewTokensAndNoNote();
        }

        @Test
        void aNoteYoungerThanTheLongestRefreshIsLeftToItsWriter() {
            h.journal.sending(id, h.now());
            h.advance(TokenRefresher.ABANDONED_AFTER.minusSeconds(1));

            assertThat(h.keepAlive.run(10).inDoubt()).isZero();
            assertThat(h.journal.notes()).containsKey(id);
        }

        @Test
        void aRefreshThatNeverLeftPutsADeadNodesNoteBackAsItWas() {
            java.time.Instant died = h.now();
            h.journal.sending(id, died);
            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ProviderUnavailable("connection refused", Optional.empty(), false, null));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            assertThat(h.journal.notes()).containsEntry(id, died);
        }

        @Test
        void everyAnsweredOrUnsentRefreshLeavesNoNote() {
            h.advance(Duration.ofHours(2));
            h.readAccounts.accounts(ALICE, id).data();
            assertThat(h.journal.notes()).as("answered").isEmpty();

            h.advance(Duration.ofHours(2));
            h.fake.failNextRefresh(new ProviderUnavailable("connection refused", Optional.empty(), false, null));
            assertThat(h.readAccounts.accounts(ALICE, id).syncedAt()).as("served as stored").isBefore(h.clock.instant());
            assertThat(h.journal.notes()).as("never sent").isEmpty();

            h.fake.failNextRefresh(new ReauthorizationRequired("invalid_grant"));
            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ConsentNotUsable.class);
            assertThat(h.journal.notes()).as("refused").isEmpty();
        }
    }

    @Nested
    class DataCalls {
        @Test
        void aFreshAccessTokenIsUsedWithoutRefresh() {
            h.advance(Duration.ofMinutes(30));

            h.readAccounts.accounts(ALICE, id).data();

            assertThat(h.fake.refreshCalls).hasValue(0);
            assertThat(h.provider.dataCallTokens).isNotEmpty().containsOnly(granted.accessToken());
        }

        @Test
        void anAccessTokenNearExpiryIsRefreshedBeforeTheDataCall() {
            h.advance(Duration.ofMinutes(59).plusSeconds(30)); // still valid at the provider, but within the 60 s skew

            h.readAccounts.accounts(ALICE, id).data();

            assertThat(h.fake.refreshCalls).hasValue(1);
            AccessToken refreshed = h.consent(id).tokens().accessToken();
            // the sync's two data calls (accounts, then transactions), both with the refreshed token
            assertThat(h.provider.dataCallTokens).containsExactly(refreshed, refreshed);
            assertThat(h.fake.dataCalls).hasValue(2);
        }

        @Test
        void a401OnADataCallTriggersExactlyOneRefreshAndOneRetry() {
            h.fake.invalidate(granted.accessToken()); // the provider dropped the token before its expiry

            List<Account> accounts = h.readAccounts.accounts(ALICE, id).data();

            assertThat(accounts).isNotEmpty();
            assertThat(h.fake.refreshCalls).hasValue(1);
            // the refused accounts call, then the sync again with the new token: accounts, transactions
            AccessToken renewed = h.consent(id).tokens().accessToken();
            assertThat(h.fake.dataCalls).hasValue(3);
            assertThat(h.provider.dataCallTokens).containsExactly(granted.accessToken(), renewed, renewed);
        }

        @Test
        void aSecond401AfterTheRefreshRequiresReauthorization() {
            h.provider.failNextDataCalls(2, () -> new ReauthorizationRequired("401"));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data())
                    .isInstanceOfSatisfying(ConsentNotUsable.class, e -> {
                        assertThat(e.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
                        assertThat(e.nextAction()).isEqualTo(NextAction.RENEW);
                    });
            assertThat(h.fake.refreshCalls).hasValue(1);
            assertThat(h.provider.dataCallTokens).hasSize(2);
            Consent stored = h.consent(id);
            assertThat(stored.status()).isEqualTo(ConsentStatus.REAUTH_REQUIRED);
            assertThat(stored.tokensIfAny()).isPresent();
        }

        @Test
        void aProviderOutageOnADataCallNeitherRefreshesNorChangesTheConsent() {
            Consent before = h.consent(id);
            h.provider.failNextDataCalls(1, () -> new ProviderUnavailable("503"));

            assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, id).data()).isInstanceOf(ProviderUnavailable.class);

            assertThat(h.fake.refreshCalls).hasValue(0);
            assertThat(h.consent(id).snapshot()).isEqualTo(before.snapshot());
        }
    }

    @Nested
    class Concurrency {
        @Test
        void twoConcurrentReadersOfAnExpiredTokenCauseOneRefreshAndTheLoserUsesTheWinnersToken() throws Exception {
            h.advance(Duration.ofHours(2));
            CountDownLatch refreshEntered = new CountDownLatch(1);
            CountDownLatch releaseRefresh = new CountDownLatch(1);
            AtomicReference<Thread> winner = new AtomicReference<>();
            h.provider.onNextRefresh(() -> {
                winner.set(Thread.currentThread());
                refreshEntered.countDown();
                awaitQuietly(releaseRefresh);
            });
            CountDownLatch go = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            FutureTask<List<Account>> first = reader(go, running);
            FutureTask<List<Account>> second = reader(go, running);
            Thread t1 = new Thread(first, "reader-1");
            Thread t2 = new Thread(second, "reader-2");
            t1.start();
            t2.start();

            go.countDown();
            assertThat(refreshEntered.await(10, TimeUnit.SECONDS)).as("a refresh started").isTrue();
            Thread loser = winner.get() == t1 ? t2 : t1;
            assertThat(waitUntilParked(loser, running)).as("the other reader waits for the refresh in flight").isTrue();
            releaseRefresh.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(second.get(10, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(h.fake.refreshCalls).hasValue(1);
            AccessToken winnersToken = h.consent(id).tokens().accessToken();
            assertThat(h.provider.dataCallTokens).containsExactly(winnersToken, winnersToken);
            assertThat(h.consent(id).status()).isEqualTo(ConsentStatus.ACTIVE);
        }

        private FutureTask<List<Account>> reader(CountDownLatch go, AtomicInteger running) {
            return new FutureTask<>(() -> {
                go.await();
                running.incrementAndGet();
                return h.readAccounts.accounts(ALICE, id).data();
            });
        }

        private boolean waitUntilParked(Thread thread, AtomicInteger running) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                if (running.get() == 2 && (thread.getState() == Thread.State.WAITING
                        || thread.getState() == Thread.State.TIMED_WAITING)) {
                    return true;
                }
                Thread.sleep(5);
            }
            return false;
        }

        private void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
