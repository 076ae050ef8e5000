package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome.Outcome;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.in.StartFlowCommand;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.testing.FakeConsentProvider;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.consent.ConsentKind;
import io.consentgateway.domain.consent.ConsentStatus;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.shared.ProviderId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandleCallbackServiceTest {
    final GatewayHarness h = new GatewayHarness();
    final FlowId flowId = h.startOngoingFlow(ALICE).flowId();

    @Nested
    class ForeignCallbacks {
        @Test
        void anUnknownStateIsRejectedWithoutCallingTheProvider() {
            String code = h.approve(flowId);
            CallbackCommand unknown = GatewayHarness.callbackQuery("state", new SecureRandomStateGenerator().newState().value(), "success", "true", "code", code, "flow_id", h.providerFlowIdOf(flowId));

            assertThatThrownBy(() -> h.callback.handle(unknown)).isInstanceOf(InvalidCallback.class);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aForgedStateDifferingInOneCharacterIsRejectedAndTheFlowIsUnchanged() {
            Flow before = h.flow(flowId);
            String real = before.state().value();
            String forged = (real.charAt(0) == 'A' ? "B" : "A") + real.substring(1);

            assertThatThrownBy(() -> h.callback.handle(GatewayHarness.callbackQuery("state", forged, "success", "true", "code", h.approve(flowId), "flow_id", h.providerFlowIdOf(flowId)))).isInstanceOf(InvalidCallback.class);
            assertThat(h.fake.exchangeCalls).hasValue(0);
            assertThat(h.flow(flowId).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void aMissingOrMalformedStateIsAnInvalidCallback() {
            assertThatThrownBy(() -> GatewayHarness.callbackQuery("success", "true", "code", "code"))
                    .isInstanceOf(InvalidCallback.class);
            assertThatThrownBy(() -> GatewayHarness.callbackQuery("state", "short", "success", "true", "code", "code"))
                    .isInstanceOf(InvalidCallback.class);
        }

        @Test
        void aFlowIdThatDoesNotMatchTheFlowIsRejectedAndTheFlowIsUnchanged() {
            Flow before = h.flow(flowId);
            CallbackCommand mismatched = GatewayHarness.callbackQuery("state", h.stateOf(flowId), "success", "true", "code", h.approve(flowId), "flow_id", "some-other-provider-flow");

            assertThatThrownBy(() -> h.callback.handle(mismatched))
                    .isInstanceOf(InvalidCallback.class)
                    .hasMessageContaining("flow_id");
            assertThat(h.fake.exchangeCalls).hasValue(0);
            assertThat(h.flow(flowId).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void aRejectedMismatchLeavesTheGenuineCallbackAbleToComplete() {
            CallbackCommand mismatched = GatewayHarness.callbackQuery("state", h.stateOf(flowId), "success", "true", "code", "stolen-code", "flow_id", "some-other-provider-flow");
            assertThatThrownBy(() -> h.callback.handle(mismatched)).isInstanceOf(InvalidCallback.class);

            assertThat(h.completeFlow(flowId).outcome()).isEqualTo(Outcome.COMPLETED);
        }

        @Test
        void aCallbackAtAnotherProvidersEndpointIsRefusedWithoutAnyTokenCall() {
            Flow before = h.flow(flowId);
            CallbackCommand elsewhere = CallbackCommand.fromQuery(Optional.of("otherbank"), GatewayHarness.query("state",
                    h.stateOf(flowId), "code", h.approve(flowId)));

            assertThatThrownBy(() -> h.callbackWithSecondProvider().handle(elsewhere))
                    .isInstanceOf(InvalidCallback.class).hasMessageContaining("another provider");
            assertThat(h.fake.exchangeCalls).hasValue(0);
            assertThat(h.secondFake.exchangeCalls).hasValue(0);
            assertThat(h.flow(flowId).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void theStateOfAnotherProvidersFlowAtThisProvidersEndpointIsRefusedWithoutAnyTokenCall() {
            FlowId banksFlow = h.startFlowWithSecondProvider(ALICE);
            Flow before = h.flow(banksFlow);
            CallbackCommand atFake = GatewayHarness.callbackQuery("state", h.stateOf(banksFlow), "code", "a-code");

            assertThatThrownBy(() -> h.callbackWithSecondProvider().handle(atFake))
                    .isInstanceOf(InvalidCallback.class);
            assertThat(h.fake.exchangeCalls).hasValue(0);
            assertThat(h.secondFake.exchangeCalls).hasValue(0);
            assertThat(h.flow(banksFlow).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void aCallbackAtAnEndpointNoProviderOwnsIsNotFoundAndChangesNothing() {
            Flow before = h.flow(flowId);
            CallbackCommand nowhere = CallbackCommand.fromQuery(Optional.of("nosuchprovider"), GatewayHarness.query("state",
                    h.stateOf(flowId), "code", h.approve(flowId)));

            assertThatThrownBy(() -> h.callback.handle(nowhere)).isInstanceOf(NotFound.class);
            assertThat(h.fake.exchangeCalls).hasValue(0);
            assertThat(h.flow(flowId).snapshot()).isEqualTo(before.snapshot());
        }

        @Test
        void theBareCallbackEndpointBelongsToNoProviderUnlessConfigured() {
            CallbackCommand bare = CallbackCommand.fromQuery(Optional.empty(), GatewayHarness.query("state", h.stateOf(flowId),
                    "code", h.approve(flowId)));

            assertThatThrownBy(() -> h.callback.handle(bare)).isInstanceOf(NotFound.class);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aCallbackWithoutFlowIdIsAcceptedOnTheStateAlone() {
            CallbackCommand noFlowId = GatewayHarness.callbackQuery("state", h.stateOf(flowId), "success", "true", "code", h.approve(flowId));

            assertThat(h.callback.handle(noFlowId).outcome()).isEqualTo(Outcome.COMPLETED);
        }
    }

    @Nested
    class UserCancelled {
        @Test
        void abortTrueCancelsTheFlowWithoutExchange() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).abort("true").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.CANCELLED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void theOlderCancelTrueCancelsTheFlowWithoutExchange() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("false").cancel("true").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void oauthAccessDeniedCancelsTheFlowWithoutExchange() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).error("access_denied").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void anAbortCarryingACodeIsStillNotExchanged() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("true").code(h.approve(flowId)).abort("true").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Nested
    class ProviderReportedFailure {
        @Test
        void successFalseFailsTheFlowWithoutExchange() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("false").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.failure()).contains(FlowFailure.PROVIDER_REPORTED_FAILURE);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void anOauthErrorOtherThanAccessDeniedFailsTheFlow() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).error("server_error").build());

            assertThat(outcome.failure()).contains(FlowFailure.PROVIDER_REPORTED_FAILURE);
        }

        @Test
        void aSuccessWithoutCodeFailsTheFlowAsMissingCode() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("true").build());

            assertThat(outcome.failure()).contains(FlowFailure.MISSING_CODE);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Nested
    class Success {
        @Test
        void aSuccessfulOngoingCallbackStoresAnActiveConsentWithARefreshToken() {
            CallbackOutcome outcome = h.completeFlow(flowId);

            assertThat(outcome.outcome()).isEqualTo(Outcome.COMPLETED);
            Consent consent = h.consent(outcome.consentId().orElseThrow());
            assertThat(consent.status()).isEqualTo(ConsentStatus.ACTIVE);
            assertThat(consent.kind()).isEqualTo(ConsentKind.ONGOING_ACCESS);
            assertThat(consent.userId()).isEqualTo(ALICE);
            assertThat(consent.provider()).isEqualTo(FakeConsentProvider.ID);
            assertThat(consent.refreshToken()).isPresent();
            assertThat(consent.providerFlowId()).isEqualTo(h.flow(flowId).providerFlowId());
            assertThat(h.fake.exchangeCalls).hasValue(1);
        }

        @Test
        void theCompletedFlowPointsAtItsConsent() {
            CallbackOutcome outcome = h.completeFlow(flowId);

            Flow flow = h.flow(flowId);
            assertThat(flow.status()).isEqualTo(FlowStatus.COMPLETED);
            assertThat(flow.consentId()).isEqualTo(outcome.consentId());
        }

        @Test
        void theOutcomeCarriesTheFlowsReturnUrl() {
            URI back = URI.create("https://app.example/connect/done");
            FlowId withReturn = h.startFlow.start(new StartFlowCommand(ALICE, FakeConsentProvider.ID, FlowKind.ONGOING_ACCESS,
                    FlowOptions.defaultsFor(FlowKind.ONGOING_ACCESS), Map.of(), Optional.of(back))).flowId();

            assertThat(h.completeFlow(withReturn).returnTo()).contains(back);
        }

        @Test
        void theSecondCallbackOfACompletedFlowReportsTheSameOutcomeWithoutASecondExchange() {
            CallbackCommand callback = h.approvedCallback(flowId);
            CallbackOutcome first = h.callback.handle(callback);

            CallbackOutcome second = h.callback.handle(callback);

            assertThat(second).isEqualTo(first);
            assertThat(h.fake.exchangeCalls).hasValue(1);
            assertThat(h.consents.size()).isEqualTo(1);
        }

        @Test
        void aCancelArrivingAfterCompletionChangesNothing() {
            CallbackOutcome first = h.completeFlow(flowId);

            CallbackOutcome late = h.callback.handle(h.callbackFor(flowId).abort("true").build());

            assertThat(late).isEqualTo(first);
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.COMPLETED);
        }

        @Test
        void aReplayOfACancelledFlowWithACodeIsNotExchanged() {
            h.callback.handle(h.callbackFor(flowId).abort("true").build());

            CallbackOutcome replay = h.completeFlow(flowId);

            assertThat(replay.outcome()).isEqualTo(Outcome.CANCELLED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Nested
    class Lifetimes {
        @Test
        void aCallbackJustBeforeTheFlowLifetimeEndsStillCompletes() {
            h.advance(Duration.ofMinutes(59));

            assertThat(h.completeFlow(flowId).outcome()).isEqualTo(Outcome.COMPLETED);
        }

        @Test
        void aCallbackAfterTheFlowsOneHourLifetimeExpiresItWithoutExchange() {
            String code = h.approve(flowId);
            h.advance(Duration.ofHours(1));

            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("true").code(code).build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.EXPIRED);
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.EXPIRED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aFlowLeftExchangingByACrashFailsOnceItsCodeLifetimeHasPassedWithoutCallingTheProvider() {
            CallbackCommand callback = h.approvedCallback(flowId);
            h.flows.save(h.flow(flowId).awaitingUser().orElseThrow().beginExchange(h.now(), h.policy)); // the crash: stored as EXCHANGING, never exchanged
            h.advance(Duration.ofHours(1));

            CallbackOutcome outcome = h.callback.handle(callback);

            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.failure()).contains(FlowFailure.CODE_EXPIRED);
            assertThat(h.flow(flowId).status()).isEqualTo(FlowStatus.FAILED);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }

        @Test
        void aCallbackForAFlowStillExchangingItsCodeReportsInProgressWithoutASecondExchange() {
            CallbackCommand callback = h.approvedCallback(flowId);
            h.flows.save(h.flow(flowId).awaitingUser().orElseThrow().beginExchange(h.now(), h.policy)); // another request is exchanging
            h.advance(Duration.ofMinutes(1));

            CallbackOutcome outcome = h.callback.handle(callback);

            assertThat(outcome.outcome()).isEqualTo(Outcome.IN_PROGRESS);
            assertThat(h.fake.exchangeCalls).hasValue(0);
        }
    }

    @Nested
    class ExchangeFailures {
        @Test
        void aCodeTheProviderRejectsFailsTheFlowAsExchangeRejected() {
            CallbackOutcome outcome = h.callback.handle(h.callbackFor(flowId).success("true").code("code-the-provider-never-issued").build());

            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.failure()).contains(FlowFailure.EXCHANGE_REJECTED);
            assertThat(h.consents.size()).isZero();
        }

        @Test
        void aProviderRejectingTheRequestFailsTheFlowAsExchangeRejected() {
            h.fake.failNextExchange(new ProviderRejected("bad request", Map.of()));

            assertThat(h.completeFlow(flowId).failure()).contains(FlowFailure.EXCHANGE_REJECTED);
        }

        @Test
        void anInvalidGrantOnExchangeFailsTheFlowAsExchangeRejected() {
            h.fake.failNextExchange(new ReauthorizationRequired("invalid_grant"));

            assertThat(h.completeFlow(flowId).failure()).contains(FlowFailure.EXCHANGE_REJECTED);
        }

        @Test
        void anUnavailableProviderFailsTheFlowAfterExactlyOneExchangeCall() {
            h.fake.failNextExchange(new ProviderUnavailable("503"));

            CallbackOutcome outcome = h.completeFlow(flowId);

            assertThat(outcome.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(outcome.failure()).contains(FlowFailure.PROVIDER_UNAVAILABLE);
            assertThat(h.fake.exchangeCalls).hasValue(1);
            assertThat(h.consents.size()).isZero();
        }

        @Test
        void aFailedFlowIsNotRetriedByAReplayedCallback() {
            h.fake.failNextExchange(new ProviderUnavailable("503"));
            CallbackCommand callback = h.approvedCallback(flowId);
            h.callback.handle(callback);

            CallbackOutcome replay = h.callback.handle(callback);

            assertThat(replay.failure()).contains(FlowFailure.PROVIDER_UNAVAILABLE);
            assertThat(h.fake.exchangeCalls).hasValue(1);
        }
    }
}
