package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.SecretValue;

/** A PKCE code verifier (RFC 7636) kept with a flow until its code is exchanged. Prints as {@code ***}. */
public final class PkceVerifier extends SecretValue {
    public PkceVerifier(String value) {
        super(value, "PKCE verifier");
    }
}
