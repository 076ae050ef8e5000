package io.consentgateway.application.port.in;

import io.consentgateway.domain.flow.FlowCompletion;
import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Language;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;

import java.net.URI;
import java.util.Optional;

/**
 * Re-consent an ongoing access through the provider's widget.
 *
 * @param completion how the renewal flow completes, if the client asks (as for a new flow)
 */
public record RenewConsentCommand(UserId userId, ConsentId consentId, Language language, Optional<URI> returnTo,
                                  Optional<FlowCompletion> completion) {
    public RenewConsentCommand {
        Require.nonNull(userId, "user id");
        Require.nonNull(consentId, "consent id");
        Require.nonNull(language, "language");
        Require.optionals("renew consent command", returnTo, completion);
    }

    /** A renewal that leaves the completion to the deployment's setting. */
    public RenewConsentCommand(UserId userId, ConsentId consentId, Language language, Optional<URI> returnTo) {
        this(userId, consentId, language, returnTo, Optional.empty());
    }

    /** Parses the optional raw fields of a renewal request (language default {@code de}), naming every bad one. */
    public static RenewConsentCommand parse(UserId userId, ConsentId consentId, String language, String returnTo,
                                            String completion) {
        Fields f = new Fields();
        Language lang = language == null ? Language.DEFAULT : f.parse("language", language, Language::fromCode);
        URI target = f.parse("returnTo", returnTo, StartFlowCommand::absoluteUri);
        FlowCompletion asked = f.parse("completion", completion, StartFlowCommand::completionOf);
        f.throwIfAny();
        return new RenewConsentCommand(userId, consentId, lang, Optional.ofNullable(target), Optional.ofNullable(asked));
    }
}
