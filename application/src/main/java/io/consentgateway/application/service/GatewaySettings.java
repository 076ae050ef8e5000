package io.consentgateway.application.service;

import io.consentgateway.domain.policy.ConsentPolicy;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.Require;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The application's settings, filled from configuration by the bootstrap module.
 *
 * @param callbackUri      this gateway's {@code /callback}, registered with the providers as redirect URI
 * @param defaultProvider  the provider a flow uses when the request names none
 * @param policies         lifetimes per provider; a provider without an entry gets {@code defaultPolicy}
 * @param defaultPolicy    the lifetimes of the nrich documents unless configured otherwise
 * @param returnTo         where the browser may be sent after the callback
 * @param defaultReturnTo  where it goes when the flow named no return URL
 * @param claimLease       how long the scheduler holds a claimed consent
 * @param retryDelay       how long the scheduler waits before trying a consent again after a provider outage
 */
public record GatewaySettings(RedirectUri callbackUri, ProviderId defaultProvider, Map<ProviderId, ConsentPolicy> policies,
                              ConsentPolicy defaultPolicy, ReturnToAllowList returnTo, URI defaultReturnTo,
                              Duration claimLease, Duration retryDelay) {

    public GatewaySettings {
        Require.nonNull(callbackUri, "callback URI");
        Require.nonNull(defaultProvider, "default provider");
        policies = Map.copyOf(Require.nonNull(policies, "policies"));
        Require.nonNull(defaultPolicy, "default policy");
        Require.nonNull(returnTo, "return-to allow-list");
        Require.nonNull(defaultReturnTo, "default return URL");
        Require.nonNull(claimLease, "claim lease");
        Require.nonNull(retryDelay, "retry delay");
    }

    public ConsentPolicy policyFor(ProviderId provider) {
        return policies.getOrDefault(provider, defaultPolicy);
    }
}
