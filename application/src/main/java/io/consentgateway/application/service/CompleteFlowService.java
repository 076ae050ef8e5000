package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CompleteFlow;
import io.consentgateway.application.port.in.FlowNotAwaitingConfirmation;
import io.consentgateway.application.port.in.FlowView;
import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowId;
import io.consentgateway.domain.shared.UserId;
import io.consentgateway.domain.token.AuthorizationCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Completion by confirmation: the callback held the code and handed a confirmation code to the browser; now the user
 * who started the flow, signed in with their own credentials, presents that confirmation code, and only then is the
 * code exchanged. Another user finds no flow (and, presenting its confirmation code, ends it). Of two concurrent
 * confirmations one stores the flow as {@code EXCHANGING} first and the other answers the flow as it then is, so the
 * code still reaches the provider once.
 */
public final class CompleteFlowService implements CompleteFlow {
    private final Flows flows;
    private final ConsentProviders providers;
    private final GatewaySettings settings;
    private final Clock clock;
    private final CodeRedemption redemption;

    public CompleteFlowService(Flows flows, Consents consents, UnitOfWork unitOfWork, ConsentProviders providers,
                               GatewaySettings settings, Clock clock) {
        this.flows = flows;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.redemption = new CodeRedemption(flows, consents, unitOfWork, settings, clock);
    }

    @Override
    public FlowView complete(UserId userId, FlowId flowId, ConfirmationCode confirmation) {
        Flow flow = flows.findById(flowId).orElseThrow(() -> new NotFound("flow"));
        Instant now = clock.instant();
        if (!flow.userId().equals(userId)) {
            // The browser that came back from the provider belongs to someone else than the user who started the flow:
            // a widget link passed on to a victim. Presenting the flow's confirmation code proves it; drop the code
            // unexchanged, so nobody ever gets the data.
            flow.awaitingConfirmation()
                    .filter(confirming -> confirming.isConfirmedBy(confirmation))
                    .ifPresent(confirming -> redemption.storeOrCurrent(
                            confirming.fail(FlowFailure.CONFIRMED_BY_ANOTHER_USER, now)));
            throw new NotFound("flow");
        }
        if (flow.awaitingUser().isPresent()) {
            throw new FlowNotAwaitingConfirmation(flow.completion() == FlowCompletion.CONFIRM
                    ? "the provider has not sent the user back yet: confirm after the callback"
                    : "this flow completes at its callback, without confirmation");
        }
        // Exchanging or ended already: a repeated confirmation changes nothing, and answers the flow as it is.
        return flow.awaitingConfirmation()
                .map(confirming -> confirm(confirming, userId, confirmation, now))
                .orElseGet(() -> FlowView.of(flow));
    }

    private FlowView confirm(Flow.AwaitingConfirmation confirming, UserId userId, ConfirmationCode confirmation, Instant now) {
        Flow flow = confirming.flow();
        if (confirming.isLapsedAt(now)) {
            return FlowView.of(redemption.storeOrCurrent(confirming.lapse(now)));
        }
        if (!confirming.isConfirmedBy(confirmation)) {
            throw InvalidInput.of("confirmation", "is not the confirmation code this flow's callback handed out");
        }
        AuthorizationCode code = confirming.heldCode();
        Flow.Exchanging exchanging;
        try {
            exchanging = flows.save(confirming.confirm(userId, confirmation, now, settings.policyFor(flow.provider())))
                    .exchanging().orElseThrow();
        } catch (ConcurrentUpdate lostRace) {
            return FlowView.of(redemption.current(flow));
        }
        return FlowView.of(redemption.redeem(providers.of(flow.provider()), exchanging, code, Optional.of(confirmation)));
    }
}
