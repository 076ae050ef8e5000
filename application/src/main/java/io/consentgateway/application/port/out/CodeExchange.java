package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.token.AuthorizationCode;
import io.consentgateway.domain.token.PkceVerifier;

import java.util.Optional;

/** A code exchange: the code, the redirect URI used to obtain it, and the PKCE verifier where there is one. */
public record CodeExchange(AuthorizationCode code, RedirectUri redirectUri, Optional<PkceVerifier> pkceVerifier) {
    public CodeExchange {
        Require.nonNull(code, "code");
        Require.nonNull(redirectUri, "redirect URI");
        Require.nonNull(pkceVerifier, "PKCE verifier (optional)");
    }
}
