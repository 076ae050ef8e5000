package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.SecretValue;

/** A provider's refresh token; rotated on every use. Prints as {@code ***}. */
public final class RefreshToken extends SecretValue {
    public RefreshToken(String value) {
        super(value, "refresh token");
    }
}
