package io.consentgateway.adapter.out.nrich.api;

/**
 * One account as nrich sends it (fields as docs/providers/nrich.md lists them: {@code account_id, access_id, account_number,
 * bank_code, bic, iban, name, owner, bank_name, currency, type, balance}), already read leniently from its JSON
 * object by {@code NrichMapping}: every field may be {@code null} (missing, JSON {@code null}, or of an unexpected
 * JSON type). Never leaves the adapter.
 */
public record AccountDto(
        String accountId,
        String accessId,
        String accountNumber,
        String bankCode,
        String bic,
        String iban,
        String name,
        String owner,
        String bankName,
        String currency,
        String type,
        BalanceDto balance) {
}
