package io.consentgateway.application.port.out;

import io.consentgateway.domain.finance.Transaction;
import io.consentgateway.domain.shared.Require;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One page of stored transactions: those of one account (or all), whose date (the booking date, else the value date)
 * lies in the range (both ends inclusive; undated transactions only when there is no range), in the order newest
 * first, then by account id, then by transaction id (both compared as Java strings, {@link String#compareTo}),
 * undated last; starting after the key {@code after}, at most {@code limit} of them. A keyset, so a page costs the
 * page, not the history.
 */
public record TransactionSlice(Optional<String> accountId, Optional<LocalDate> from, Optional<LocalDate> to,
                               Optional<Key> after, int limit) {
    public TransactionSlice {
        Require.optionals("transaction slice", accountId, from, to, after);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    /** The sort key of a transaction: its date (empty: undated), its account id, its id. */
    public record Key(Optional<LocalDate> date, String accountId, String id) {
        public Key {
            Require.nonNull(date, "date (optional)");
            Require.nonBlank(accountId, "account id");
            Require.nonBlank(id, "transaction id");
        }

        public static Key of(Transaction transaction) {
            return new Key(transaction.effectiveDate(), transaction.accountId(), transaction.id());
        }
    }
}
