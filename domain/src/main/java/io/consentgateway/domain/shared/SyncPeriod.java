package io.consentgateway.domain.shared;

/** Days of transaction history the provider fetches. Default 90. */
public record SyncPeriod(int days) {
    public static final SyncPeriod DEFAULT = new SyncPeriod(90);

    public SyncPeriod {
        if (days < 1 || days > 730) {
            throw new InvalidValueException("sync period must be 1..730 days, was " + days);
        }
    }
}
