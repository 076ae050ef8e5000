package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.FlowStarted;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.RefreshToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Once a code or a refresh token is spent, what the provider answered must be stored or the flow must end visibly. */
class StorageRacesTest {
    final GatewayHarness h = new GatewayHarness();

    /** The callback use case of the harness, storing consents through {@code consents} in {@code unitOfWork}. */
    private HandleCallbackService callbackStoringWith(Consents consents, UnitOfWork unitOfWork) {
        return new HandleCallbackService(h.flows, consents, unitOfWork, h.providers, new SecureRandomStateGenerator(),
                h.settings, h.clock);
    }

    @Test
    void aRefreshWhoseProviderCallCrossesTheConsentsEndStillStoresTheRotatedPair() {
        ConsentId id = h.connectOngoing(ALICE);
        h.atDay(30);
        h.keepAlive.run(10); // renewed at day 30: the refresh token now outlives the inactivity limit (day 90)
        Optional<RefreshToken> spent = h.consent(id).tokens().refreshToken();
        h.clock.set(T0.plus(Duration.ofDays(90)).minusSeconds(60));
        h.provider.onNextRefresh(() -> h.clock.advance(Duration.ofMinutes(2)));

        h.readAccounts.accounts(ALICE, id).data();

        assertThat(h.consent(id).tokens().refreshToken()).as("the rotated refresh token is kept").isNotEqualTo(spent);
        assertThat(h.fake.refreshCalls).hasValue(2);
    }

    @Test
    void tokensThatCannotBeStoredEndTheFlowAsNotStoredInsteadOfLeavingItExchanging() {
        FlowStarted started = h.startOngoingFlow(ALICE);
        Consents broken = new DelegatingConsents(h.consents) {
            @Override
            public Consent save(Consent consent) {
                throw new IllegalStateException("database unavailable");
            }
        };
        HandleCallbackService callback = callbackStoringWith(broken, h.unitOfWork);

        CallbackOutcome outcome = callback.handle(h.approvedCallback(started.flowId()));

        assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.FAILED);
        assertThat(outcome.failure()).contains(FlowFailure.NOT_STORED);
        assertThat(h.flow(started.flowId()).status()).isEqualTo(FlowStatus.FAILED);
        assertThat(h.fake.exchangeCalls).as("the code was exchanged exactly once").hasValue(1);
    }

    @Test
    void tokensAreHeldWhileTheDatabaseIsOutOfReachAndStoredOnceItIsBack() {
        FlowStarted started = h.startOngoingFlow(ALICE);
        AtomicInteger attempts = new AtomicInteger();
        Consents awayTwice = new DelegatingConsents(h.consents) {
            @Override
            public Consent save(Consent consent) {
                if (attempts.incrementAndGet() <= 2) {
                    throw new StoreUnavailable("the database is out of reach (a failover)");
                }
                return super.save(consent);
            }
        };
        HandleCallbackService callback = callbackStoringWith(awayTwice, h.unitOfWork);

        CallbackOutcome outcome = callback.handle(h.approvedCallback(started.flowId()));

        assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.COMPLETED);
        assertThat(attempts).hasValue(3);
        assertThat(h.consents.findByUser(ALICE)).singleElement()
                .satisfies(consent -> assertThat(consent.tokens().refreshToken()).isPresent());
        assertThat(h.fake.exchangeCalls).as("the code was exchanged exactly once").hasValue(1);
    }

    @Test
    void aDatabaseAwayLongerThanThePatienceEndsTheFlowAsNotStoredAfterHoldingTheTokensThatLong() {
        FlowStarted started = h.startOngoingFlow(ALICE);
        AtomicInteger attempts = new AtomicInteger();
        Consents away = new DelegatingConsents(h.consents) {
            @Override
            public Consent save(Consent consent) {
                attempts.incrementAndGet();
                h.clock.advance(Duration.ofSeconds(4)); // each attempt waits for its connection this long
                throw new StoreUnavailable("the database is out of reach");
            }
        };
        HandleCallbackService callback = callbackStoringWith(away, h.unitOfWork);

        CallbackOutcome outcome = callback.handle(h.approvedCallback(started.flowId()));

        assertThat(outcome.failure()).contains(FlowFailure.NOT_STORED);
        assertThat(attempts).as("tried while 15 s lasted, then given up").hasValue(4);
        assertThat(h.fake.exchangeCalls).hasValue(1);
    }

    @Test
    void anAttemptThatCommittedThoughItsAnswerWasLostIsNotStoredTwice() {
        FlowStarted started = h.startOngoingFlow(ALICE);
        AtomicBoolean answerLost = new AtomicBoolean();
        UnitOfWork commitsThenLosesTheAnswerOnce = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                T done = h.unitOfWork.inTransaction(work);
                if (answerLost.compareAndSet(false, true)) {
                    throw new StoreUnavailable("the connection broke before the commit was acknowledged");
                }
                return done;
            }
        };
        HandleCallbackService callback = callbackStoringWith(h.consents, commitsThenLosesTheAnswerOnce);

        CallbackOutcome outcome = callback.handle(h.approvedCallback(started.flowId()));

        assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.COMPLETED);
        assertThat(h.consents.findByUser(ALICE)).hasSize(1);
        assertThat(h.flow(started.flowId()).status()).isEqualTo(FlowStatus.COMPLETED);
    }
}
