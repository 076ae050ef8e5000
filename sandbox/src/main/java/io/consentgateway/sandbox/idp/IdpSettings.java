package io.consentgateway.sandbox.idp;

import java.time.Duration;

/**
 * The demo identity provider's configuration.
 *
 * @param issuer        the {@code iss} claim; the application's {@code mp.jwt.verify.issuer} must equal it
 * @param audience      the {@code aud} claim
 * @param tokenLifetime {@code exp - iat}
 */
public record IdpSettings(String issuer, String audience, Duration tokenLifetime) {

    public static IdpSettings defaults() {
        return new IdpSettings("http://localhost:9080/sandbox/idp", "consent-gateway", Duration.ofHours(1));
    }
}
