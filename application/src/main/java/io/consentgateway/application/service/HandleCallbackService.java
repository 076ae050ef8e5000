package io.consentgateway.application.service;

import io.consentgateway.application.port.in.CallbackCommand;
import io.consentgateway.application.port.in.CallbackOutcome;
import io.consentgateway.application.port.in.HandleCallback;
import io.consentgateway.application.port.in.InvalidCallback;
import io.consentgateway.application.port.in.NotFound;
import io.consentgateway.application.port.out.CallbackParameters;
import io.consentgateway.application.port.out.CallbackResult;
import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.Transactions;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.domain.flow.CallbackMismatch;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.DomainRuleViolation;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The callback: find the flow by its state, check the callback came back at the flow's own provider's endpoint
 * (mix-up defence) and that the provider recognises it as this flow's, then either end the flow (cancel, failure,
 * lapse) or exchange the code and store the consent. A refused callback changes nothing and calls nobody.
 *
 * <p>Exactly-once exchange: the flow is first stored as {@code EXCHANGING} (optimistic version), so of two
 * concurrent callbacks only one reaches the provider; a replay of an ended flow reports the same outcome
 * without calling anybody. The code is exchanged outside any transaction and never retried: it is single use.
 */
public final class HandleCallbackService implements HandleCallback {
    private static final int STORE_ATTEMPTS = 3;

    private final Flows flows;
    private final Consents consents;
    private final Transactions transactions;
    private final ConsentProviders providers;
    private final GatewaySettings settings;
    private final Clock clock;

    public HandleCallbackService(Flows flows, Consents consents, Transactions transactions, ConsentProviders providers,
                                 GatewaySettings settings, Clock clock) {
        this.flows = flows;
        this.consents = consents;
        this.transactions = transactions;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
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
        if (flow.isTerminal()) {
            return CallbackOutcome.of(flow);
        }
        if (flow.status() == FlowStatus.EXCHANGING) {
            // Another callback is exchanging this code, or a crash left the flow here.
            return CallbackOutcome.of(flow.isLapsedAt(now) ? storeOrCurrent(flow.lapse(now)) : flow);
        }
        if (flow.isLapsedAt(now)) {
            return CallbackOutcome.of(storeOrCurrent(flow.lapse(now)));
        }
        if (result instanceof CallbackResult.Approved approved) {
            return CallbackOutcome.of(beginExchange(provider, flow, approved.code(), now));
        }
        if (result instanceof CallbackResult.Failed failed) {
            return CallbackOutcome.of(storeOrCurrent(flow.fail(failed.reason(), now)));
        }
        return CallbackOutcome.of(storeOrCurrent(flow.cancel(now)));
    }

    private Flow beginExchange(ConsentProvider provider, Flow flow, AuthorizationCode code, Instant now) {
        ConsentPolicy policy = settings.policyFor(flow.provider());
        Flow exchanging;
        try {
            exchanging = flows.save(flow.beginExchange(now, policy));
        } catch (ConcurrentUpdate lostRace) {
            return current(flow);
        }
        return exchange(provider, exchanging, code, policy);
    }

    private Flow exchange(ConsentProvider provider, Flow flow, AuthorizationCode code, ConsentPolicy policy) {
        if (!flow.codeUsableAt(clock.instant())) {
            return flows.save(flow.fail(FlowFailure.CODE_EXPIRED, clock.instant()));
        }
        IssuedTokens issued;
        try {
            issued = provider.exchangeCode(new CodeExchange(code, flow.redirectUri(), flow.pkceVerifier()));
        } catch (ReauthorizationRequired | ProviderRejected refused) {
            return flows.save(flow.fail(FlowFailure.EXCHANGE_REJECTED, clock.instant()));
        } catch (ProviderMisconfigured misconfigured) {
            return flows.save(flow.fail(FlowFailure.PROVIDER_MISCONFIGURED, clock.instant()));
        } catch (ProviderUnavailable unavailable) {
            return flows.save(flow.fail(FlowFailure.PROVIDER_UNAVAILABLE, clock.instant()));
        }
        Instant grantedAt = clock.instant();
        ConsentId newConsentId = ConsentId.random();
        RuntimeException lastFailure = null;
        // The code is spent: the tokens exist only in memory now. Store them, retrying a lost optimistic race, and if
        // that is impossible end the flow as NOT_STORED rather than leave it EXCHANGING with the user waiting.
        for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
            try {
                return transactions.inTransaction(() -> {
                    Consent consent = flow.renewalOf()
                            .flatMap(consents::lockForRefresh) // row lock: no refresh or read can make this write stale
                            .flatMap(existing -> reauthorize(existing, issued, grantedAt, policy))
                            .orElseGet(() -> Consent.grant(newConsentId, flow.userId(), flow.provider(), flow.kind(),
                                    flow.providerFlowId(), issued, grantedAt, policy));
                    Consent stored = consents.save(consent);
                    return flows.save(flow.complete(stored.id(), grantedAt));
                });
            } catch (ConcurrentUpdate raced) {
                lastFailure = raced;
            } catch (RuntimeException storageFailed) {
                lastFailure = storageFailed;
                break;
            }
        }
        try {
            return flows.save(flow.fail(FlowFailure.NOT_STORED, clock.instant()));
        } catch (RuntimeException alsoFailed) {
            lastFailure.addSuppressed(alsoFailed);
            throw lastFailure;
        }
    }

    /** A renewal updates the consent it renews; if that consent was revoked meanwhile, a new one is granted instead. */
    private static Optional<Consent> reauthorize(Consent existing, IssuedTokens issued, Instant at, ConsentPolicy policy) {
        try {
            return Optional.of(existing.reauthorized(issued, at, policy));
        } catch (DomainRuleViolation revoked) {
            return Optional.empty();
        }
    }

    /** Stores an ending; if another request ended or advanced the flow first, reports that one instead. */
    private Flow storeOrCurrent(Flow ended) {
        try {
            return flows.save(ended);
        } catch (ConcurrentUpdate lostRace) {
            return current(ended);
        }
    }

    private Flow current(Flow flow) {
        return flows.findById(flow.id()).orElse(flow);
    }
}
