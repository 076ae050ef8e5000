package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/** One account as nrich sends it (fields listed in PROVIDERS.md §1); every field may be missing. */
public record AccountDto(
        @JsonbProperty("account_id") String accountId,
        @JsonbProperty("access_id") String accessId,
        @JsonbProperty("account_number") String accountNumber,
        @JsonbProperty("bank_code") String bankCode,
        @JsonbProperty("bic") String bic,
        @JsonbProperty("iban") String iban,
        @JsonbProperty("name") String name,
        @JsonbProperty("owner") String owner,
        @JsonbProperty("bank_name") String bankName,
        @JsonbProperty("currency") String currency,
        @JsonbProperty("type") String type,
        @JsonbProperty("balance") BalanceDto balance) {
}
