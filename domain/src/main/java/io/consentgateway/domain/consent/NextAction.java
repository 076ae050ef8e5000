package io.consentgateway.domain.consent;

/** What the user should do next about a consent; the API shows it so a front end can offer the right button. */
public enum NextAction {
    /** Nothing: the consent is usable. */
    NONE,
    /** Re-consent through the provider's widget (nrich {@code /ongoing/sync}; a bank: authorize again). */
    RENEW,
    /** Start a new flow: this consent cannot come back (one-time access that lapsed, or revoked). */
    CONNECT_AGAIN
}
