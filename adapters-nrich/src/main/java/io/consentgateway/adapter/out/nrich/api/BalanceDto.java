package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/** An account's balance; amounts are JSON numbers or strings. */
public record BalanceDto(
        @JsonbProperty("balance") JsonValue balance,
        @JsonbProperty("balance_date") String balanceDate,
        @JsonbProperty("credit_line") JsonValue creditLine,
        @JsonbProperty("monthly_spending_limit") JsonValue monthlySpendingLimit) {
}
