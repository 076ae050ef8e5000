package io.consentgateway.domain.consent;

/**
 * Something that happened to a consent that the fintech wants to hear about without asking: what
 * {@link Consent#changesSinceStored()} answers, and what its next save records as an event.
 */
public enum ConsentChange {
    /** A flow completed and granted the consent. */
    ACTIVATED,
    /** A renewal flow completed: fresh tokens, the consent active again (whatever its status was). */
    RENEWED,
    /** The consent entered the warning window before its end. */
    EXPIRING_SOON,
    /** The provider refused the refresh token: the user must renew the consent. */
    REAUTH_REQUIRED,
    /** The consent reached its end, or the provider ended it. */
    EXPIRED,
    /** The user withdrew the consent. */
    REVOKED
}
