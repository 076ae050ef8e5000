package io.consentgateway.application.service;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.ConcurrentUpdate;
import io.consentgateway.application.port.out.ConsentProvider;
import io.consentgateway.application.port.out.Consents;
import io.consentgateway.application.port.out.Flows;
import io.consentgateway.application.port.out.ProviderMisconfigured;
import io.consentgateway.application.port.out.ProviderRejected;
import io.consentgateway.application.port.out.ProviderUnavailable;
import io.consentgateway.application.port.out.ReauthorizationRequired;
import io.consentgateway.application.port.out.StoreUnavailable;
import io.consentgateway.application.port.out.UnitOfWork;
import io.consentgateway.domain.consent.Consent;
import io.consentgateway.application.port.in.TryAgainLater;
import io.consentgateway.domain.flow.ConfirmationCode;
import io.consentgateway.domain.flow.Flow;
import io.consentgateway.domain.flow.FlowFailure;
import io.consentgateway.domain.flow.FlowStatus;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.IssuedTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Redeems the code of a flow that is {@code EXCHANGING}: the provider called outside any transaction, then the consent
 * (new, or the renewed one) and the completed flow stored together. Shared by the callback (completion by redirect)
 * and the confirmation (completion by the starting user).
 *
 * <p>A code is single use, so an exchange that may have reached the provider is never repeated. One that certainly did
 * not ({@code requestMayHaveBeenProcessed() == false}: too many exchanges in flight, the provider's circuit open, the
 * provider unreachable) is tried again for {@link GatewaySettings#providerPatience()} ({@link Patience}) — a burst of
 * users returning at once waits its turn instead of failing. If the provider still cannot be asked, the flow gives
 * the code back ({@link Flow.Exchanging#exchangeNotSent}) and the caller is told to {@link TryAgainLater}: the same
 * callback or confirmation completes the flow later, within the code's lifetime.
 *
 * <p>Once the code is spent, the tokens exist only in this memory until they are stored. A database out of reach
 * ({@link StoreUnavailable}) is waited for, for {@link #STORE_PATIENCE}, instead of losing them at the first try.
 */
final class CodeRedemption {
    /** Optimistic races lost in a row before the tokens are given up as not storable. */
    private static final int STORE_ATTEMPTS = 3;
    /**
     * How long tokens that exist only in memory are held while the database is out of reach, tried again after pauses
     * growing from 100 ms to 2 s: long enough for a restart or a failover, short enough for the user's browser, which
     * waits on the callback meanwhile.
     */
    static final Duration STORE_PATIENCE = Duration.ofSeconds(15);
    /** What the caller is told to wait before repeating a callback or confirmation the provider could not take. */
    static final Duration TRY_AGAIN_AFTER = Duration.ofSeconds(2);

    private final Flows flows;
    private final Consents consents;
    private final UnitOfWork unitOfWork;
    private final GatewaySettings settings;
    private final Clock clock;
    private final Patience patience;
    private final Patience storePatience;

    CodeRedemption(Flows flows, Consents consents, UnitOfWork unitOfWork, GatewaySettings settings, Clock clock) {
        this.flows = flows;
        this.consents = consents;
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        this.clock = clock;
        this.patience = new Patience(settings.providerPatience(), clock);
        this.storePatience = new Patience(STORE_PATIENCE, clock, Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    /**
     * Exchanges {@code code} for the flow, stored as {@code EXCHANGING} (only an exchanging flow can complete, fail its
     * exchange or take its code back); answers the flow as it ended.
     *
     * @param confirmation for a flow completed by confirmation, the confirmation code it was confirmed with (to hold
     *                     the code again if the provider cannot be asked)
     * @throws TryAgainLater if the provider could not be asked within the patience (nothing spent, the flow waits again)
     */
    Flow redeem(ConsentProvider provider, Flow.Exchanging exchanging, AuthorizationCode code,
                Optional<ConfirmationCode> confirmation) {
        Flow flow = exchanging.flow();
        ConsentPolicy policy = settings.policyFor(flow.provider());
        if (!exchanging.codeUsableAt(clock.instant())) {
            return flows.save(exchanging.fail(FlowFailure.CODE_EXPIRED, clock.instant()));
        }
        IssuedTokens issued;
        try {
            issued = patience.call(
                    () -> provider.exchangeCode(new CodeExchange(code, flow.redirectUri(), flow.pkceVerifier())),
                    exchanging::codeUsableAt);
        } catch (ProviderUnavailable unavailable) {
            if (unavailable.requestMayHaveBeenProcessed()) {
                return flows.save(exchanging.fail(FlowFailure.PROVIDER_UNAVAILABLE, clock.instant()));
            }
            // Never sent: the code is unspent. Give it back to the flow, for the same step to complete it later.
            Flow waiting = storeOrCurrent(exchanging.exchangeNotSent(code, confirmation));
            if (waiting.status() == FlowStatus.EXCHANGING || waiting.isTerminal()) {
                return waiting;
            }
            throw new TryAgainLater("the provider cannot take the code exchange right now; nothing was spent",
                    TRY_AGAIN_AFTER);
        } catch (ReauthorizationRequired | ProviderRejected refused) {
            return flows.save(exchanging.fail(FlowFailure.EXCHANGE_REJECTED, clock.instant()));
        } catch (ProviderMisconfigured misconfigured) {
            return flows.save(exchanging.fail(FlowFailure.PROVIDER_MISCONFIGURED, clock.instant()));
        }
        Instant grantedAt = clock.instant();
        ConsentId newConsentId = ConsentId.random();
        RuntimeException lastFailure = null;
        // The code is spent: the tokens exist only in memory now. Store them, holding on while the database is out of
        // reach (a restart, a failover) and retrying a lost optimistic race; if that is impossible end the flow as
        // NOT_STORED rather than leave it EXCHANGING with the user waiting.
        for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
            try {
                return storePatience.whileStoreAway(() -> unitOfWork.inTransaction(() -> {
                    Consent consent = flow.renewalOf()
                            .flatMap(consents::lockForRefresh) // row lock: no refresh or read can make this write stale
                            .flatMap(existing -> reauthorize(existing, issued, grantedAt, policy))
                            .orElseGet(() -> Consent.grant(newConsentId, flow.userId(), flow.provider(), flow.kind().yields(),
                                    flow.providerFlowId(), issued, grantedAt, policy));
                    Consent stored = consents.save(consent);
                    return flows.save(exchanging.complete(stored.id(), grantedAt));
                }));
            } catch (ConcurrentUpdate raced) {
                lastFailure = raced;
                Flow stored = current(flow);
                if (stored.status() == FlowStatus.COMPLETED) {
                    return stored; // an earlier attempt committed after all (its answer was lost with the connection)
                }
            } catch (RuntimeException storageFailed) {
                lastFailure = storageFailed;
                break;
            }
        }
        try {
            return flows.save(exchanging.fail(FlowFailure.NOT_STORED, clock.instant()));
        } catch (RuntimeException alsoFailed) {
            lastFailure.addSuppressed(alsoFailed);
            throw lastFailure;
        }
    }

    /** Stores an ending; if another request ended or advanced the flow first, answers that one instead. */
    Flow storeOrCurrent(Flow ended) {
        try {
            return flows.save(ended);
        } catch (ConcurrentUpdate lostRace) {
            return current(ended);
        }
    }

    /** The flow as stored now (or as given, if it is gone). */
    Flow current(Flow flow) {
        return flows.findById(flow.id()).orElse(flow);
    }

    /** A renewal updates the consent it renews; if that consent was revoked meanwhile, a new one is granted instead. */
    private static Optional<Consent> reauthorize(Consent existing, IssuedTokens issued, Instant at, ConsentPolicy policy) {
        return existing.reauthorizable().map(renewable -> renewable.reauthorized(issued, at, policy));
    }
}
