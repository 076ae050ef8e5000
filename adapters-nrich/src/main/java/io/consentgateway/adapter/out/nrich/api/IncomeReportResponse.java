package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The income report (docs/providers/nrich.md: period; income{summary, streams}; regular_expenses; variable_expenses;
 * disposable_income{total, low, high, average, ratio}; discretionary_income). Its sections' shapes are only
 * partly published, so they are kept as JSON values and mapped leniently.
 */
public record IncomeReportResponse(
        @JsonbProperty("period") JsonValue period,
        @JsonbProperty("currency") String currency,
        @JsonbProperty("income") JsonValue income,
        @JsonbProperty("regular_expenses") JsonValue regularExpenses,
        @JsonbProperty("variable_expenses") JsonValue variableExpenses,
        @JsonbProperty("disposable_income") JsonValue disposableIncome,
        @JsonbProperty("discretionary_income") JsonValue discretionaryIncome) {
}
