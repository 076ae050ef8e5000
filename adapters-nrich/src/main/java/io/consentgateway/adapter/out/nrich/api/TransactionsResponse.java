package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One page of {@code GET /rest/transactions}: {@code {"transactions": [...]}}. The list is kept as a JSON value so
 * that one odd item cannot fail the whole page; {@code NrichMapping.transactionItems} reads each item on its own.
 */
public record TransactionsResponse(@JsonbProperty("transactions") JsonValue transactions) {
}
