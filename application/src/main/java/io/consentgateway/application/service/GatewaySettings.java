package io.consentgateway.application.service;

import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.Require;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The application's settings, filled from configuration by the bootstrap module.
 *
 * @param callbackBase     this gateway's {@code /callback}; each provider's redirect URI is {@code <callbackBase>/<provider>}
 *                         (RFC 9700 §4.4: one redirect URI per provider defends against mix-up attacks)
 * @param bareCallbackProvider the provider whose redirect URI is {@code callbackBase} itself, if any (kept for redirect
 *                         URIs registered before the per-provider ones)
 * @param defaultProvider  the provider a flow uses when the request names none
 * @param policies         lifetimes per provider; a provider without an entry gets {@code defaultPolicy}
 * @param defaultPolicy    the lifetimes of a provider that has no own entry
 * @param returnTo         where the browser may be sent after the callback
 * @param defaultReturnTo  where it goes when the flow named no return URL
 * @param claimLease       how long the scheduler holds a claimed consent
 * @param retryDelay       how long the scheduler waits before trying a consent again after a provider outage
 * @param maxRetryAfter    the longest wait a provider's {@code Retry-After} may impose on the scheduler (a larger one,
 *                         or an absurd one, is cut to this)
 * @param callbackCompletion how a flow completes unless its client asks for more: {@code REDIRECT} (the callback
 *                         exchanges at once) or {@code CONFIRM} (the starting user confirms; a client may not ask for
 *                         {@code REDIRECT} then)
 * @param providerPatience how long a call the provider cannot take yet (not sent: too many calls in flight, a circuit
 *                         open, unreachable) is tried again — a code exchange before the user is asked to repeat the
 *                         same step, a data read before it answers 503; zero: at once
 * @param maxWaitingFlows  how many flows may wait for one user at once (started, the user not back from the provider,
 *                         not lapsed); one more start or renewal is refused before any provider is asked, so a client
 *                         cannot pile up flows, provider calls and rows without end
 */
public record GatewaySettings(RedirectUri callbackBase, Optional<ProviderId> bareCallbackProvider, ProviderId defaultProvider, Map<ProviderId, ConsentPolicy> policies,
                              ConsentPolicy defaultPolicy, ReturnToAllowList returnTo, URI defaultReturnTo,
                              Duration claimLease, Duration retryDelay, Duration maxRetryAfter,
                              FlowCompletion callbackCompletion, Duration providerPatience, int maxWaitingFlows) {

    public GatewaySettings {
        Require.nonNull(callbackBase, "callback base URI");
        Require.nonNull(bareCallbackProvider, "bare callback provider (optional)");
        if (callbackBase.toString().endsWith("/")) {
            throw new IllegalArgumentException("the callback base URI must not end with '/'");
        }
        Require.nonNull(defaultProvider, "default provider");
        policies = Map.copyOf(Require.nonNull(policies, "policies"));
        Require.nonNull(defaultPolicy, "default policy");
        Require.nonNull(returnTo, "return-to allow-list");
        Require.nonNull(defaultReturnTo, "default return URL");
        Require.nonNull(claimLease, "claim lease");
        Require.nonNull(retryDelay, "retry delay");
        Require.nonNull(maxRetryAfter, "max retry after");
        Require.nonNull(callbackCompletion, "callback completion");
        Require.nonNull(providerPatience, "exchange patience");
        if (providerPatience.isNegative()) {
            throw new IllegalArgumentException("the exchange patience must not be negative");
        }
        if (maxWaitingFlows < 1) {
            throw new IllegalArgumentException("at least one flow must be allowed to wait for a user");
        }
        if (maxRetryAfter.compareTo(retryDelay) < 0) {
            throw new IllegalArgumentException("the longest Retry-After honoured must not be shorter than the retry delay");
        }
    }

    /** The redirect URI this gateway registers with a provider, and at which it takes that provider's callbacks. */
    public RedirectUri callbackUriFor(ProviderId provider) {
        Require.nonNull(provider, "provider");
        return bareCallbackProvider.filter(provider::equals).isPresent()
                ? callbackBase : RedirectUri.parse(callbackBase + "/" + provider.value());
    }

    /** The provider whose callbacks a callback endpoint takes: {@code /callback/{provider}}, or the bare one. */
    public Optional<ProviderId> callbackOwner(Optional<ProviderId> endpoint) {
        return endpoint.isPresent() ? endpoint : bareCallbackProvider;
    }

    /**
     * How a flow completes: what its client asked for, else the deployment's setting. With the setting at
     * {@code CONFIRM}, asking for {@code REDIRECT} is refused, so no client can weaken the deployment's defence.
     *
     * @throws IllegalArgumentException for a request weaker than the setting
     */
    public FlowCompletion completionFor(Optional<FlowCompletion> asked) {
        FlowCompletion chosen = asked.orElse(callbackCompletion);
        if (callbackCompletion == FlowCompletion.CONFIRM && chosen != FlowCompletion.CONFIRM) {
            throw new IllegalArgumentException("this gateway completes every flow by confirmation");
        }
        return chosen;
    }

    public ConsentPolicy policyFor(ProviderId provider) {
        return policies.getOrDefault(provider, defaultPolicy);
    }
}
