package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * One transaction as nrich sends it (figo-derived, PROVIDERS.md §1). The booking day comes as
 * {@code booking_date} or, in newer documents, {@code booked_at}; the amount as a number or a string;
 * categories as strings or objects with a {@code name}.
 */
public record TransactionDto(
        @JsonbProperty("transaction_id") String transactionId,
        @JsonbProperty("account_id") String accountId,
        @JsonbProperty("name") String name,
        @JsonbProperty("iban") String iban,
        @JsonbProperty("bic") String bic,
        @JsonbProperty("amount") JsonValue amount,
        @JsonbProperty("currency") String currency,
        @JsonbProperty("booking_date") String bookingDate,
        @JsonbProperty("booked_at") String bookedAt,
        @JsonbProperty("value_date") String valueDate,
        @JsonbProperty("booked") Boolean booked,
        @JsonbProperty("purpose") String purpose,
        @JsonbProperty("booking_text") String bookingText,
        @JsonbProperty("type") String type,
        @JsonbProperty("categories") JsonValue categories,
        @JsonbProperty("end_to_end_reference") String endToEndReference,
        @JsonbProperty("mandate_reference") String mandateReference,
        @JsonbProperty("creditor_id") String creditorId) {
}
