package io.consentgateway.domain.finance;

import io.consentgateway.domain.shared.Require;

import java.time.Instant;
import java.util.Optional;

/** An account's balance as the provider last saw it. */
public record Balance(Money amount, Optional<Instant> asOf, Optional<Money> creditLine, Optional<Money> monthlySpendingLimit) {
    public Balance {
        Require.nonNull(amount, "balance amount");
        Require.optionals("balance", asOf, creditLine, monthlySpendingLimit);
    }
}
