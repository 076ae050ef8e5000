package io.consentgateway.adapter.in.rest.dto;

import io.consentgateway.domain.finance.Account;
import io.consentgateway.domain.finance.Balance;
import io.consentgateway.domain.shared.Iban;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Currency;

/** An account and its balance. */
@Schema(name = "Account", example = "{\"id\":\"A1.1\",\"iban\":\"DE89370400440532013000\",\"name\":\"Girokonto\","
        + "\"owner\":\"Erika Mustermann\",\"bankName\":\"Demobank\",\"currency\":\"EUR\",\"type\":\"Giro account\","
        + "\"balance\":{\"amount\":{\"amount\":1523.42,\"currency\":\"EUR\"},\"asOf\":\"2026-11-22T09:00:00Z\"}}")
public record AccountResponse(String id, String iban, String accountNumber, String bankCode, String bic, String name,
                              String owner, String bankName, String currency, String type, BalanceResponse balance) {

    /** A balance as the provider last saw it. */
    public record BalanceResponse(MoneyResponse amount, String asOf, MoneyResponse creditLine, MoneyResponse monthlySpendingLimit) {
        static BalanceResponse of(Balance b) {
            return new BalanceResponse(MoneyResponse.of(b.amount()), b.asOf().map(Instant::toString).orElse(null),
                    b.creditLine().map(MoneyResponse::of).orElse(null), b.monthlySpendingLimit().map(MoneyResponse::of).orElse(null));
        }
    }

    public static AccountResponse of(Account a) {
        return new AccountResponse(a.id(), a.iban().map(Iban::value).orElse(null), a.accountNumber().orElse(null),
                a.bankCode().orElse(null), a.bic().orElse(null), a.name().orElse(null), a.owner().orElse(null),
                a.bankName().orElse(null), a.currency().map(Currency::getCurrencyCode).orElse(null), a.type().orElse(null),
                a.balance().map(BalanceResponse::of).orElse(null));
    }
}
