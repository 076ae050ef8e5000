package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;

/**
 * One transaction as nrich sends it (figo-derived, docs/providers/nrich.md: {@code transaction_id, account_id, name, iban,
 * bic, amount, currency, booking_date | booked_at, value_date, booked, purpose, booking_text, type, categories,
 * end_to_end_reference, mandate_reference, creditor_id}), already read leniently from its JSON object by
 * {@code NrichMapping}: a text field of an unexpected JSON type is {@code null}, {@code booked} is read from a
 * boolean, 1/0 or a string ({@code null} when unreadable); the amount (number or string) and the categories
 * (strings or objects with a {@code name}) stay JSON values. Never leaves the adapter.
 */
public record TransactionDto(
        String transactionId,
        String accountId,
        String name,
        String iban,
        String bic,
        JsonValue amount,
        String currency,
        String bookingDate,
        String bookedAt,
        String valueDate,
        Boolean booked,
        String purpose,
        String bookingText,
        String type,
        JsonValue categories,
        String endToEndReference,
        String mandateReference,
        String creditorId) {
}
