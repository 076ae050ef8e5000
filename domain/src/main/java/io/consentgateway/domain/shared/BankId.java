package io.consentgateway.domain.shared;

/**
 * A bank pre-selected for the widget: nrich's {@code provider_id} (not to be confused with
 * {@link ProviderId}, which names the consent provider itself).
 */
public record BankId(String value) {
    public BankId {
        Require.nonBlank(value, "bank id");
        Require.maxLength(value, 128, "bank id");
        Require.printable(value, "bank id");
    }

    @Override
    public String toString() {
        return value;
    }
}
