package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.FlowNotAwaitingConfirmation;
import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.RenewConsentCommand;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static io.consentgateway.application.service.GatewayHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completion by confirmation (RFC 9700 §4.7.1): the callback holds the code, the starting user confirms. */
class CompleteFlowServiceTest {
    final GatewayHarness h = new GatewayHarness(FlowCompletion.CONFIRM);

    /** The user's browser comes back from the provider: answers what the callback redirects with. */
    CallbackOutcome browserReturns(FlowId flow) {
        return h.callback.handle(h.approvedCallback(flow));
    }

    @Nested
    class TheStartingUserConfirms {
        @Test
        void theCallbackOnlyHoldsTheCodeAndHandsTheBrowserAConfirmationCode() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();

            CallbackOutcome outcome = browserReturns(flow);

            assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.CONFIRMATION_REQUIRED);
            assertThat(outcome.confirmation()).isPresent();
            assertThat(outcome.consentId()).isEmpty();
            assertThat(h.fake.exchangeCalls).as("nothing exchanged before the user confirms").hasValue(0);
            assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
            assertThat(h.viewFlow.view(ALICE, flow).status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
        }

        @Test
        void theStartingUserWithTheConfirmationCodeCompletesTheFlowAndGetsTheConsent() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            ConfirmationCode confirmation = browserReturns(flow).confirmation().orElseThrow();

            FlowView completed = h.completeFlow.complete(ALICE, flow, confirmation);

            assertThat(completed.status()).isEqualTo(FlowStatus.COMPLETED);
            ConsentId consent = completed.consentId().orElseThrow();
            assertThat(h.consent(consent).userId()).isEqualTo(ALICE);
            assertThat(h.consent(consent).status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(h.fake.exchangeCalls).hasValue(1);
            assertThat(h.flow(flow).heldCode()).as("the held code is gone").isEmpty();
        }

        @Test
        void aRepeatedConfirmationAnswersTheSameAndExchangesOnce() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            ConfirmationCode confirmation = browserReturns(flow).confirmation().orElseThrow();
            FlowView first = h.completeFlow.complete(ALICE, flow, confirmation);

            FlowView again = h.completeFlow.complete(ALICE, flow, confirmation);

            assertThat(again.status()).isEqualTo(FlowStatus.COMPLETED);
            assertThat(again.consentId()).isEqualTo(first.consentId());
            assertThat(h.fake.exchangeCalls).hasValue(1);
        }

        @Test
        void aReplayedCallbackAnswersTheSameConfirmationWithoutExchanging() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            var callback = h.approvedCallback(flow);
            CallbackOutcome first = h.callback.handle(callback);

            CallbackOutcome replay = h.callback.handle(callback);

            assertThat(replay.outcome()).isEqualTo(CallbackOutcome.Outcome.CONFIRMATION_REQUIRED);
            assertThat(replay.confirmation()).isEqualTo(first.confirmation());
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aRenewalCompletesByConfirmationTooAndRenewsTheSameConsent() {
            FlowId connecting = h.startOngoingFlow(ALICE).flowId();
            ConsentId consent = h.completeFlow.complete(ALICE, connecting, browserReturns(connecting).confirmation().orElseThrow())
                    .consentId().orElseThrow();
            FlowId renewal = h.renewConsent.renew(new RenewConsentCommand(ALICE, consent, Language.EN, Optional.empty()))
                    .flowId();

            FlowView renewed = h.completeFlow.complete(ALICE, renewal, browserReturns(renewal).confirmation().orElseThrow());

            assertThat(renewed.consentId()).contains(consent);
        }
    }

    @Nested
    class AWidgetLinkPassedToAVictim {
        @Test
        void theVictimsOwnConfirmationFindsNoFlowAndEndsItWithoutExchangingTheCode() {
            FlowId attackersFlow = h.startOngoingFlow(BOB).flowId(); // Bob sends Alice the widget link
            ConfirmationCode inAlicesBrowser = browserReturns(attackersFlow).confirmation().orElseThrow();

            assertThatThrownBy(() -> h.completeFlow.complete(ALICE, attackersFlow, inAlicesBrowser))
                    .isInstanceOf(NotFound.class);

            assertThat(h.flow(attackersFlow).status()).isEqualTo(FlowStatus.FAILED);
            assertThat(h.flow(attackersFlow).failure()).contains(FlowFailure.CONFIRMED_BY_ANOTHER_USER);
            assertThat(h.fake.exchangeCalls).hasValue(0);
            // Even with the confirmation code phished from Alice, Bob gets nothing.
            FlowView bobs = h.completeFlow.complete(BOB, attackersFlow, inAlicesBrowser);
            assertThat(bobs.status()).isEqualTo(FlowStatus.FAILED);
            assertThat(h.listConsents.list(BOB)).isEmpty();
            assertThat(h.listConsents.list(ALICE)).isEmpty();
        }

        @Test
        void theAttackerWithoutTheBrowsersConfirmationCodeCannotComplete() {
            FlowId attackersFlow = h.startOngoingFlow(BOB).flowId();
            browserReturns(attackersFlow); // in Alice's browser; Bob never sees the redirect

            assertThatThrownBy(() -> h.completeFlow.complete(BOB, attackersFlow, new ConfirmationCode("guessed-by-bob")))
                    .isInstanceOfSatisfying(InvalidInput.class,
                            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("confirmation"));

            assertThat(h.flow(attackersFlow).status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void anotherUsersGuessFindsNoFlowAndChangesNothing() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            browserReturns(flow);

            assertThatThrownBy(() -> h.completeFlow.complete(BOB, flow, new ConfirmationCode("guess")))
                    .isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> h.completeFlow.complete(BOB, FlowId.random(), new ConfirmationCode("guess")))
                    .isInstanceOf(NotFound.class);

            assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);
        }
    }

    @Nested
    class OutOfTurn {
        @Test
        void aConfirmationBeforeTheCallbackIsRefusedAndChangesNothing() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();

            assertThatThrownBy(() -> h.completeFlow.complete(ALICE, flow, new ConfirmationCode("anything")))
                    .isInstanceOf(FlowNotAwaitingConfirmation.class);
            assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.AWAITING_USER);
        }

        @Test
        void anUnconfirmedFlowExpiresWithItsCodeAndTheSchedulerLapsesIt() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            ConfirmationCode confirmation = browserReturns(flow).confirmation().orElseThrow();
            h.advance(h.policy.codeLifetime());

            assertThat(h.keepAlive.run(10).flowsLapsed()).isEqualTo(1);

            assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(h.flow(flow).heldCode()).isEmpty();
            assertThat(h.completeFlow.complete(ALICE, flow, confirmation).status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aConfirmationAfterTheCodesLifetimeExpiresTheFlow() {
            FlowId flow = h.startOngoingFlow(ALICE).flowId();
            ConfirmationCode confirmation = browserReturns(flow).confirmation().orElseThrow();
            h.advance(h.policy.codeLifetime());

            assertThat(h.completeFlow.complete(ALICE, flow, confirmation).status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Nested
    class ChoosingTheCompletion {
        @Test
        void aGatewayThatConfirmsRefusesAFlowAskingToCompleteByRedirect() {
            StartFlowCommand weaker = new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                    FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.empty(),
                    Optional.of(FlowCompletion.REDIRECT));

            assertThatThrownBy(() -> h.startFlow.start(weaker)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("completion"));
            assertThat(h.fake.startRequests).isEmpty();
        }

        @Test
        void aGatewayThatRedirectsLetsAFlowAskForConfirmation() {
            GatewayHarness redirecting = new GatewayHarness(FlowCompletion.REDIRECT);
            FlowId flow = redirecting.startFlow.start(new StartFlowCommand(ALICE, FakeConsentProvider.ID,
                    FlowKind.ONE_TIME_ACCESS, FlowOptions.defaultsFor(FlowKind.ONE_TIME_ACCESS), Map.of(), Optional.empty(),
                    Optional.of(FlowCompletion.CONFIRM))).flowId();

            CallbackOutcome outcome = redirecting.callback.handle(redirecting.approvedCallback(flow));

            assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.CONFIRMATION_REQUIRED);
            assertThat(redirecting.completeFlow.complete(ALICE, flow, outcome.confirmation().orElseThrow()).status())
                    .isEqualTo(FlowStatus.COMPLETED);
        }

        @Test
        void aFlowThatCompletesByRedirectNeedsNoConfirmation() {
            GatewayHarness redirecting = new GatewayHarness(FlowCompletion.REDIRECT);
            FlowId flow = redirecting.startOngoingFlow(ALICE).flowId();

            assertThat(redirecting.callback.handle(redirecting.approvedCallback(flow)).outcome())
                    .isEqualTo(CallbackOutcome.Outcome.COMPLETED);
            assertThatThrownBy(() -> redirecting.completeFlow.complete(ALICE, redirecting.startOngoingFlow(ALICE).flowId(),
                    new ConfirmationCode("x"))).isInstanceOf(FlowNotAwaitingConfirmation.class);
        }
    }
}
