package io.consentgateway.domain.finance;

import io.consentgateway.domain.shared.Require;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in an ISO 4217 currency. Negative amounts are debits. */
public record Money(BigDecimal amount, Currency currency) {
    public Money {
        Require.nonNull(amount, "amount");
        Require.nonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
