package io.consentgateway.domain.consent;

/**
 * What a consent allows the gateway to do with the user's data, and for how long. A consent's kind is the one its
 * flow asked for ({@code FlowKind.yields()}); the constant names are the flow kinds' own, so stored values and the
 * API's JSON read the same.
 */
public enum ConsentKind {
    /**
     * Lasting access to accounts, balances and transactions, kept alive with rotating refresh tokens until the user's
     * inactivity limit, the refresh token's expiry or the provider's own consent end; renewable in place.
     */
    ONGOING_ACCESS,
    /** Accounts, balances and transactions readable for about an hour after the grant (the policy's one-time lifetime); no refresh. */
    ONE_TIME_ACCESS,
    /** The user's income report, readable for about an hour after the grant (the policy's one-time lifetime); no refresh. */
    INCOME_REPORT;

    /** Whether the consent is kept alive by refreshing its tokens (and can be renewed); otherwise it simply ends. */
    public boolean isOngoing() {
        return this == ONGOING_ACCESS;
    }
}
