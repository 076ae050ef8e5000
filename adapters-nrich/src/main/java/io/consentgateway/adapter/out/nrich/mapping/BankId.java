package io.consentgateway.adapter.out.nrich.mapping;

import java.util.Objects;

/**
 * A bank pre-selected for nrich's widget: nrich's {@code provider_id} (not to be confused with the gateway's
 * {@code ProviderId}, which names the consent provider, nrich itself). The client sends it as the provider option
 * {@code providerId}; at most {@link #MAX_LENGTH} printable characters.
 */
public record BankId(String value) {
    public static final int MAX_LENGTH = 128;

    public BankId {
        Objects.requireNonNull(value, "bank id");
        if (value.isBlank() || value.length() > MAX_LENGTH || !NrichOptions.printable(value)) {
            throw new IllegalArgumentException("a bank id is 1.." + MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
