package io.consentgateway.domain.consent;

/** Where a consent stands. Only {@code ACTIVE} and {@code EXPIRING_SOON} can be read. */
public enum ConsentStatus {
    ACTIVE, EXPIRING_SOON, REAUTH_REQUIRED, EXPIRED, REVOKED;

    public boolean isReadable() {
        return this == ACTIVE || this == EXPIRING_SOON;
    }
}
