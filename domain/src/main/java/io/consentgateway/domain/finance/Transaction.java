package io.consentgateway.domain.finance;

import io.consentgateway.domain.shared.Require;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One booked or pending movement on an account, provider-neutral. The counterparty's IBAN is kept as the
 * provider sent it (not every provider's data passes the check), everything optional stays empty when absent.
 */
public record Transaction(
        String id,
        String accountId,
        Money amount,
        Optional<LocalDate> bookingDate,
        Optional<LocalDate> valueDate,
        boolean booked,
        Optional<String> counterpartyName,
        Optional<String> counterpartyIban,
        Optional<String> counterpartyBic,
        Optional<String> purpose,
        Optional<String> bookingText,
        Optional<String> type,
        List<String> categories,
        Optional<String> endToEndReference,
        Optional<String> mandateReference,
        Optional<String> creditorId) {

    public Transaction {
        Require.nonBlank(id, "transaction id");
        Require.nonBlank(accountId, "account id");
        Require.nonNull(amount, "amount");
        Require.optionals("transaction", bookingDate, valueDate, counterpartyName, counterpartyIban, counterpartyBic,
                purpose, bookingText, type, endToEndReference, mandateReference, creditorId);
        categories = List.copyOf(Require.nonNull(categories, "categories"));
    }

    /** The date to sort and filter by: the booking date, else the value date. */
    public Optional<LocalDate> effectiveDate() {
        return bookingDate.or(() -> valueDate);
    }
}
