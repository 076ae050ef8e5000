package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.token.PkceVerifier;

import java.net.URI;
import java.util.Optional;

/**
 * A flow the provider has started: where to send the user, the provider's own flow id (nrich returns one,
 * a plain OAuth bank does not) and the PKCE verifier the adapter generated, if it uses PKCE.
 */
public record ProviderFlow(Optional<String> providerFlowId, URI widgetUrl, Optional<PkceVerifier> pkceVerifier) {
    public ProviderFlow {
        Require.optionals("provider flow", providerFlowId, pkceVerifier);
        Require.nonNull(widgetUrl, "widget URL");
        if (!widgetUrl.isAbsolute()) {
            throw new IllegalArgumentException("widget URL must be absolute");
        }
    }
}
