package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.domain.finance.Money;

import java.math.BigDecimal;

/** An amount and its ISO 4217 currency. */
public record MoneyResponse(BigDecimal amount, String currency) {
    public static MoneyResponse of(Money money) {
        return money == null ? null : new MoneyResponse(money.amount(), money.currency().getCurrencyCode());
    }
}
