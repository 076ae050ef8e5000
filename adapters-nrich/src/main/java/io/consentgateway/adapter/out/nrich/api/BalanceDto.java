package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;

/**
 * An account's {@code balance{balance, balance_date, credit_line, monthly_spending_limit}}; amounts stay JSON
 * values (numbers or strings, read by {@code Lenient.decimal}). Any field may be {@code null}.
 */
public record BalanceDto(
        JsonValue balance,
        String balanceDate,
        JsonValue creditLine,
        JsonValue monthlySpendingLimit) {
}
