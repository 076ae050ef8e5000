package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/** One page of {@code GET /rest/transactions}: {@code {"transactions": [...]}}. */
public record TransactionsResponse(@JsonbProperty("transactions") List<TransactionDto> transactions) {
}
