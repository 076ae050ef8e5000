package io.consentgateway.domain.finance;

import io.consentgateway.domain.shared.Iban;
import io.consentgateway.domain.shared.Require;

import java.util.Currency;
import java.util.Optional;

/**
 * A bank account the consent reaches, provider-neutral. {@code id} is the provider's account id, the one
 * to filter transactions by. Everything the provider may omit is optional.
 */
public record Account(
        String id,
        Optional<Iban> iban,
        Optional<String> accountNumber,
        Optional<String> bankCode,
        Optional<String> bic,
        Optional<String> name,
        Optional<String> owner,
        Optional<String> bankName,
        Optional<Currency> currency,
        Optional<String> type,
        Optional<Balance> balance) {

    public Account {
        Require.nonBlank(id, "account id");
        Require.nonNull(iban, "iban (optional)");
        Require.nonNull(accountNumber, "account number (optional)");
        Require.nonNull(bankCode, "bank code (optional)");
        Require.nonNull(bic, "bic (optional)");
        Require.nonNull(name, "name (optional)");
        Require.nonNull(owner, "owner (optional)");
        Require.nonNull(bankName, "bank name (optional)");
        Require.nonNull(currency, "currency (optional)");
        Require.nonNull(type, "type (optional)");
        Require.nonNull(balance, "balance (optional)");
    }
}
