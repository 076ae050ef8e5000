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
        Require.nonNull(bookingDate, "booking date (optional)");
        Require.nonNull(valueDate, "value date (optional)");
        Require.nonNull(counterpartyName, "counterparty name (optional)");
        Require.nonNull(counterpartyIban, "counterparty IBAN (optional)");
        Require.nonNull(counterpartyBic, "counterparty BIC (optional)");
        Require.nonNull(purpose, "purpose (optional)");
        Require.nonNull(bookingText, "booking text (optional)");
        Require.nonNull(type, "type (optional)");
        categories = List.copyOf(Require.nonNull(categories, "categories"));
        Require.nonNull(endToEndReference, "end-to-end reference (optional)");
        Require.nonNull(mandateReference, "mandate reference (optional)");
        Require.nonNull(creditorId, "creditor id (optional)");
    }

    /** The date to sort and filter by: the booking date, else the value date. */
    public Optional<LocalDate> effectiveDate() {
        return bookingDate.or(() -> valueDate);
    }
}
