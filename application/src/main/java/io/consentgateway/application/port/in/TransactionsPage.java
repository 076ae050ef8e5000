package io.consentgateway.application.port.in;

import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Require;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of transactions, newest first; {@code nextCursor} is empty on the last page.
 *
 * @param syncedAt when the stored transactions were read from the provider
 */
public record TransactionsPage(List<Transaction> transactions, Optional<String> nextCursor, Instant syncedAt) {
    public TransactionsPage {
        transactions = List.copyOf(transactions);
        Require.nonNull(syncedAt, "synced at");
    }
}
