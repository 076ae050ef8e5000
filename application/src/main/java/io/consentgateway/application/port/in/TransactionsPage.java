package io.consentgateway.application.port.in;

import io.consentgateway.domain.finance.Transaction;

import java.util.List;
import java.util.Optional;

/** One page of transactions, newest first; {@code nextCursor} is empty on the last page. */
public record TransactionsPage(List<Transaction> transactions, Optional<String> nextCursor) {
    public TransactionsPage {
        transactions = List.copyOf(transactions);
    }
}
