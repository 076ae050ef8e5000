package io.consentgateway.application.port.out;

import io.consentgateway.domain.shared.Require;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Which transactions to fetch: some accounts (all when empty) and an optional date range, both ends inclusive. */
public record TransactionFilter(List<String> accountIds, Optional<LocalDate> from, Optional<LocalDate> to) {
    public TransactionFilter {
        accountIds = List.copyOf(Require.nonNull(accountIds, "account ids"));
        Require.optionals("transaction filter", from, to);
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    public static TransactionFilter all() {
        return new TransactionFilter(List.of(), Optional.empty(), Optional.empty());
    }
}
