package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.flow.FlowStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.consentgateway.application.service.GatewayHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A code exchange the provider cannot take yet (too many in flight, its circuit open, unreachable: the request never
 * left) costs no flow: it is tried again within the patience, and otherwise the flow gives the code back for the same
 * callback or confirmation to complete it later. Only an exchange that may have reached the provider ends a flow.
 */
class ExchangeBurstTest {

    @Test
    void anExchangeRefusedBeforeItLeftIsTriedAgainWithinThePatienceAndTheFlowCompletes() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ofSeconds(5));
        FlowId flow = h.startOngoingFlow(ALICE).flowId();
        h.fake.refuseNextExchangesUnsent(3);

        CallbackOutcome outcome = h.callback.handle(h.approvedCallback(flow));

        assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.COMPLETED);
        assertThat(h.fake.exchangeCalls).as("three refused before sending, the fourth exchanged").hasValue(4);
    }

    @Test
    void withThePatienceSpentTheSameCallbackCompletesTheFlowLater() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ZERO);
        FlowId flow = h.startOngoingFlow(ALICE).flowId();
        CallbackCommand callback = h.approvedCallback(flow);
        h.fake.refuseNextExchangesUnsent(1);

        assertThatThrownBy(() -> h.callback.handle(callback)).isInstanceOfSatisfying(TryAgainLater.class,
                later -> assertThat(later.retryAfter()).isPositive());
        assertThat(h.flow(flow).status()).as("waiting for that callback again").isEqualTo(FlowStatus.AWAITING_USER);

        CallbackOutcome repeated = h.callback.handle(callback);

        assertThat(repeated.outcome()).isEqualTo(CallbackOutcome.Outcome.COMPLETED);
        assertThat(h.consent(repeated.consentId().orElseThrow()).userId()).isEqualTo(ALICE);
    }

    @Test
    void aConfirmationTheProviderCannotTakeYetIsRepeatedAndCompletes() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.CONFIRM, Duration.ZERO);
        FlowId flow = h.startOngoingFlow(ALICE).flowId();
        ConfirmationCode confirmation = h.callback.handle(h.approvedCallback(flow)).confirmation().orElseThrow();
        h.fake.refuseNextExchangesUnsent(1);

        assertThatThrownBy(() -> h.completeFlow.complete(ALICE, flow, confirmation)).isInstanceOf(TryAgainLater.class);
        assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.AWAITING_CONFIRMATION);

        assertThat(h.completeFlow.complete(ALICE, flow, confirmation).status()).isEqualTo(FlowStatus.COMPLETED);
    }

    @Test
    void anExchangeThatMayHaveReachedTheProviderIsNeverRepeatedAndEndsTheFlow() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ofSeconds(5));
        FlowId flow = h.startOngoingFlow(ALICE).flowId();
        h.fake.failNextExchange(new ProviderUnavailable("read timed out", Optional.empty(), true, null));

        CallbackOutcome outcome = h.callback.handle(h.approvedCallback(flow));

        assertThat(outcome.outcome()).isEqualTo(CallbackOutcome.Outcome.FAILED);
        assertThat(outcome.failure()).contains(FlowFailure.PROVIDER_UNAVAILABLE);
        assertThat(h.fake.exchangeCalls).hasValue(1);
    }

    @Test
    void theProvidersOwnWaitIsHonouredAndAWaitBeyondThePatienceGivesTheCodeBackAtOnce() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ofSeconds(5));
        FlowId flow = h.startOngoingFlow(ALICE).flowId();
        h.fake.failNextExchange(new ProviderUnavailable("503", Optional.of(Duration.ofMinutes(5)), false, null));

        assertThatThrownBy(() -> h.callback.handle(h.approvedCallback(flow))).isInstanceOf(TryAgainLater.class);

        assertThat(h.fake.exchangeCalls).as("not asked again inside the provider's wait").hasValue(1);
        assertThat(h.flow(flow).status()).isEqualTo(FlowStatus.AWAITING_USER);
    }

    @Test
    void aReadTheProviderCannotTakeYetWaitsItsTurnWithinThePatience() {
        GatewayHarness h = new GatewayHarness(FlowCompletion.REDIRECT, Duration.ofSeconds(5));
        var consent = h.connectOngoing(ALICE);
        h.fake.failNextDataCall(new io.consentgateway.application.port.out.ProviderNotReached("bulkhead full"));

        assertThat(h.readAccounts.accounts(ALICE, consent).data()).isNotEmpty();
    }

    @Test
    void withoutPatienceARefusedReadAnswersUnavailableAndChangesNothing() {
        GatewayHarness h = new GatewayHarness();
        var consent = h.connectOngoing(ALICE);
        var before = h.consent(consent).snapshot();
        h.fake.failNextDataCall(new io.consentgateway.application.port.out.ProviderNotReached("bulkhead full"));

        assertThatThrownBy(() -> h.readAccounts.accounts(ALICE, consent).data()).isInstanceOf(ProviderUnavailable.class);
        assertThat(h.consent(consent).snapshot()).isEqualTo(before);
    }
}
