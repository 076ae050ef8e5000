package io.consentgateway.domain.token;

import io.consentgateway.domain.shared.SecretValue;

/** A provider's access token. Prints as {@code ***}. */
public final class AccessToken extends SecretValue {
    public AccessToken(String value) {
        super(value, "access token");
    }
}
