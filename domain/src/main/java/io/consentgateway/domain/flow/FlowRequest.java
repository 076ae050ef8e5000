package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.ProviderId;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.util.Optional;

/**
 * What a user asked for when starting a flow: which provider, which kind of access and how configured, where their
 * browser goes afterwards, how the flow completes, and, for a renewal, which consent it renews. Part of what a
 * {@link Flow} was started with; it never changes.
 *
 * @param options    checked against the kind, with the kind's defaults filled in ({@link FlowOptions#forKind})
 * @param returnTo   where the user's browser is sent once the flow has ended, if the client named a place
 * @param renewalOf  the consent an ongoing access renews, if it is a renewal
 */
public record FlowRequest(
        UserId userId,
        ProviderId provider,
        FlowKind kind,
        FlowOptions options,
        Optional<URI> returnTo,
        FlowCompletion completion,
        Optional<ConsentId> renewalOf) {

    public FlowRequest {
        Require.nonNull(userId, "user id");
        Require.nonNull(provider, "provider");
        Require.nonNull(kind, "kind");
        Require.nonNull(options, "options");
        Require.optionals("flow request", returnTo, renewalOf);
        Require.nonNull(completion, "completion");
        if (renewalOf.isPresent() && kind != FlowKind.ONGOING_ACCESS) {
            throw new InvalidValueException("only an ongoing access can renew a consent");
        }
        options = options.forKind(kind);
    }

    /** A new flow, not the renewal of a consent. */
    public static FlowRequest of(UserId userId, ProviderId provider, FlowKind kind, FlowOptions options,
                                 Optional<URI> returnTo, FlowCompletion completion) {
        return new FlowRequest(userId, provider, kind, options, returnTo, completion, Optional.empty());
    }

    /** Whether the flow renews an existing consent (the provider's re-authorization). */
    public boolean isRenewal() {
        return renewalOf.isPresent();
    }
}
