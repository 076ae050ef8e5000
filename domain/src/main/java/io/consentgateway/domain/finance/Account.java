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
        Require.optionals("account", iban, accountNumber, bankCode, bic, name, owner, bankName, currency, type,
                balance);
    }
}
