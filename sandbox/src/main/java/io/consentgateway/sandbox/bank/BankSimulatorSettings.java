package io.consentgateway.sandbox.bank;

import java.time.Duration;
import java.util.List;

/**
 * The bank simulator's configuration.
 *
 * @param clientId            the registered client's id (Basic user name)
 * @param clientSecret        its secret (Basic password)
 * @param redirectUris        registered redirect URIs, compared byte for byte (default: the gateway's demo callback);
 *                            an empty list accepts any absolute http(s) URI
 * @param defaultUser         the login name prefilled on the consent page
 * @param codeLifetime        authorization code (10 min: the OAuth recommendation; the bank does not publish it)
 * @param accessTokenLifetime access token ({@code expires_in})
 * @param consentLifetime     the consent, and so every refresh token, ends this long after authorization (90 d)
 */
public record BankSimulatorSettings(String clientId, String clientSecret, List<String> redirectUris, String defaultUser,
                           Duration codeLifetime, Duration accessTokenLifetime, Duration consentLifetime) {

    public BankSimulatorSettings {
        redirectUris = List.copyOf(redirectUris);
    }

    /**
     * Where the gateway's demo run receives this bank's callbacks (each provider has its own redirect URI there): the
     * one redirect URI registered by default, like at a real bank.
     */
    public static final String DEMO_CALLBACK = "http://localhost:9080/callback/tatrabanka";

    public static BankSimulatorSettings defaults() {
        return new BankSimulatorSettings("demo-bank-client", "demo-bank-secret", List.of(DEMO_CALLBACK), "demo-user",
                Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofDays(90));
    }

    @Override
    public String toString() {
        return "BankSimulatorSettings[clientId=" + clientId + ", clientSecret=***, redirectUris=" + redirectUris
                + ", codeLifetime=" + codeLifetime + ", accessTokenLifetime=" + accessTokenLifetime
                + ", consentLifetime=" + consentLifetime + "]";
    }
}
