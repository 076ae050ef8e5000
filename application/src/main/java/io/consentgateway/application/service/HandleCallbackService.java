package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.StateGenerator;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.flow.CallbackMismatch;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.token.AuthorizationCode;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The callback: find the flow by its state, check the callback came back at the flow's own provider's endpoint
 * (mix-up defence) and that the provider recognises it as this flow's, then either end the flow (cancel, failure,
 * lapse), hold the code for the starting user's confirmation (a flow completed by confirmation, see
 * {@link CompleteFlowService}), or exchange the code and store the consent. A refused callback changes nothing and
 * calls nobody.
 *
 * <p>Exactly-once exchange: the flow is first stored as {@code EXCHANGING} (optimistic version), so of two
 * concurrent callbacks only one reaches the provider; a replay of an ended flow reports the same outcome
 * without calling anybody. The code is exchanged outside any transaction and never retried: it is single use.
 */
public final class HandleCallbackService implements HandleCallback {
    private final Flows flows;
    private final ConsentProviders providers;
    private final GatewaySettings settings;
    private final Clock clock;
    private final CodeRedemption redemption;
    private final StateGenerator secrets;

    /** @param secrets the source of fresh unguessable values, here the confirmation codes */
    public HandleCallbackService(Flows flows, Consents consents, UnitOfWork unitOfWork, ConsentProviders providers,
                                 StateGenerator secrets, GatewaySettings settings, Clock clock) {
        this.flows = flows;
        this.secrets = secrets;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.redemption = new CodeRedemption(flows, consents, unitOfWork, settings, clock);
    }

    @Override
    public CallbackOutcome handle(CallbackCommand callback) {
        // 1. The endpoint names its provider; an endpoint no installed provider owns does not exist.
        ProviderId endpointOwner = settings.callbackOwner(callback.endpoint())
                .filter(providers.ids()::contains)
                .orElseThrow(() -> new NotFound("callback endpoint"));
        Flow flow = flows.findByState(callback.state())
                .orElseThrow(() -> new InvalidCallback("callback state names no flow"));
        try {
            flow.verifyCallback(callback.state());
        } catch (CallbackMismatch e) {
            throw new InvalidCallback(e.getMessage());
        }
        // 2. Mix-up defence (RFC 9700 §4.4): a flow's callback comes back at its own provider's redirect URI only.
        if (!flow.provider().equals(endpointOwner)) {
            throw new InvalidCallback("callback arrived at another provider's endpoint than its flow's");
        }
        // 3. The provider reads the rest of its callback.
        ConsentProvider provider = providers.of(flow.provider());
        CallbackResult result = provider.interpretCallback(new CallbackParameters(callback.parameters()), flow.providerFlowId());
        if (result instanceof CallbackResult.NotThisFlow notThisFlow) {
            throw new InvalidCallback(notThisFlow.why());
        }
        Instant now = clock.instant();
        // 4. Only a flow awaiting the user takes a callback's answer. Any other has had its callback already: another
        //    callback is exchanging its code or holds it for confirmation, a crash left it there, or it has ended. The
        //    callback then answers the flow as it is (lapsing it first if its time in its state is up).
        return CallbackOutcome.of(flow.awaitingUser()
                .map(waiting -> answer(waiting, result, provider, now))
                .orElseGet(() -> lapseIfDue(flow, now)));
    }

    /**
     * A flow awaiting the user takes the callback's answer: a code (exchanged, or held for confirmation), a failure or
     * a cancel.
     */
    private Flow answer(Flow.AwaitingUser waiting, CallbackResult result, ConsentProvider provider, Instant now) {
        Flow flow = waiting.flow();
        if (waiting.isLapsedAt(now)) {
            return redemption.storeOrCurrent(waiting.lapse(now));
        }
        if (result instanceof CallbackResult.Approved approved) {
            if (flow.completion() == FlowCompletion.CONFIRM) {
                // Hold the code until the user who started the flow confirms it: the state alone does not prove that
                // this browser is theirs (RFC 9700 §4.7.1).
                ConfirmationCode confirmation = new ConfirmationCode(secrets.newState().value());
                return redemption.storeOrCurrent(
                        waiting.holdCode(approved.code(), confirmation, now, settings.policyFor(flow.provider())));
            }
            return beginExchange(provider, waiting, approved.code(), now);
        }
        if (result instanceof CallbackResult.Failed failed) {
            return redemption.storeOrCurrent(waiting.fail(failed.reason(), now));
        }
        return redemption.storeOrCurrent(waiting.cancel(now));
    }

    /** A flow past awaiting the user, ended or not, as it is; an unfinished one whose time is up lapses first. */
    private Flow lapseIfDue(Flow flow, Instant now) {
        return flow.unfinished()
                .filter(unfinished -> unfinished.isLapsedAt(now))
                .map(unfinished -> redemption.storeOrCurrent(unfinished.lapse(now)))
                .orElse(flow);
    }

    private Flow beginExchange(ConsentProvider provider, Flow.AwaitingUser waiting, AuthorizationCode code, Instant now) {
        Flow flow = waiting.flow();
        Flow.Exchanging exchanging;
        try {
            exchanging = flows.save(waiting.beginExchange(now, settings.policyFor(flow.provider())))
                    .exchanging().orElseThrow();
        } catch (ConcurrentUpdate lostRace) {
            return redemption.current(flow);
        }
        return redemption.redeem(provider, exchanging, code, Optional.empty());
    }
}
