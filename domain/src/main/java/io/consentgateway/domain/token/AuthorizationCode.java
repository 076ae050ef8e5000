package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.SecretValue;

/**
 * The code from the provider's callback: single use, valid for the policy's code lifetime from receipt,
 * exchanged at once and never stored in clear or logged. Prints as {@code ***}.
 */
public final class AuthorizationCode extends SecretValue {
    public AuthorizationCode(String value) {
        super(value, "authorization code");
    }
}
