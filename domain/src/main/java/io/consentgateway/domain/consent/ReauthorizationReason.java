package io.consentgateway.domain.consent;

/** Why a consent requires re-authorization. Stable names: they reach the API as the consent's status reason. */
public enum ReauthorizationReason {
    /** The provider refused the refresh token (OAuth's {@code invalid_grant}), or the consent has none to present. */
    REFRESH_REJECTED,
    /**
     * A refresh reached the provider and no answer came back, and the one attempt to find out how it ended failed
     * too: the refresh token may have been spent by the lost answer, so it is never presented a third time.
     */
    REFRESH_LOST
}
