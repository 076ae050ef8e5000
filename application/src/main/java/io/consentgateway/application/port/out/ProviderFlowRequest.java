package io.consentgateway.application.port.out;

import io.consentgateway.domain.flow.FlowKind;
import io.consentgateway.domain.flow.FlowOptions;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;

/**
 * What a provider needs to start a flow. The redirect URI is this provider's own callback of this gateway; the
 * user id is always known (flows belong to a signed-in user) and a provider sends it where its API takes it. The
 * options carry the provider's own, as its {@link ConsentProvider#checkOptions} answered them.
 *
 * @param renewal true for a re-consent of an existing ongoing access (the provider's re-authorization)
 */
public record ProviderFlowRequest(FlowKind kind, State state, RedirectUri redirectUri, UserId userId, FlowOptions options,
                                  boolean renewal) {
    public ProviderFlowRequest {
        Require.nonNull(kind, "kind");
        Require.nonNull(state, "state");
        Require.nonNull(redirectUri, "redirect URI");
        Require.nonNull(userId, "user id");
        Require.nonNull(options, "options");
        options = options.forKind(kind);
        if (renewal && kind != FlowKind.ONGOING_ACCESS) {
            throw new IllegalArgumentException("only an ongoing access can be renewed");
        }
    }
}
