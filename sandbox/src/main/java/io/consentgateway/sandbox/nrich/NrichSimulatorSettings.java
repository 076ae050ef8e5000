package io.consentgateway.sandbox.nrich;

import java.time.Duration;

/**
 * The nrich simulator's configuration. Lifetimes default to the values nrich documents.
 *
 * @param clientId                     the demo client's id (Basic user name)
 * @param clientSecret                 the demo client's secret (Basic password)
 * @param legacyCancelParameter        send {@code cancel=true} (older finX documents) instead of {@code abort=true}
 * @param requireRedirectUriOnExchange the code exchange must carry the flow's redirect_uri
 * @param codeLifetime                 authorization code, single use (1 h)
 * @param accessTokenLifetime          access token (1 h, {@code expires_in})
 * @param refreshTokenLifetime         each refresh token (90 d, rotated on use)
 * @param inactivityLimit              an ongoing access without user activity this long is revoked (90 d)
 * @param oneTimeDataLifetime          one-time and income-report data is deleted this long after the grant (1 h)
 * @param flowLifetime                 a widget left unanswered this long is gone (1 h; nrich does not publish it)
 */
public record NrichSimulatorSettings(String clientId, String clientSecret, boolean legacyCancelParameter,
                            boolean requireRedirectUriOnExchange, Duration codeLifetime,
                            Duration accessTokenLifetime, Duration refreshTokenLifetime, Duration inactivityLimit,
                            Duration oneTimeDataLifetime, Duration flowLifetime) {

    public static NrichSimulatorSettings defaults() {
        return new NrichSimulatorSettings("demo-client", "demo-secret", false, true, Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofDays(90), Duration.ofDays(90), Duration.ofHours(1), Duration.ofHours(1));
    }

    public NrichSimulatorSettings withLegacyCancelParameter(boolean legacy) {
        return new NrichSimulatorSettings(clientId, clientSecret, legacy, requireRedirectUriOnExchange, codeLifetime,
                accessTokenLifetime, refreshTokenLifetime, inactivityLimit, oneTimeDataLifetime, flowLifetime);
    }

    @Override
    public String toString() {
        return "NrichSimulatorSettings[clientId=" + clientId + ", clientSecret=***, legacyCancelParameter=" + legacyCancelParameter
                + ", codeLifetime=" + codeLifetime + ", accessTokenLifetime=" + accessTokenLifetime
                + ", refreshTokenLifetime=" + refreshTokenLifetime + ", inactivityLimit=" + inactivityLimit
                + ", oneTimeDataLifetime=" + oneTimeDataLifetime + ", flowLifetime=" + flowLifetime + "]";
    }
}
