package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.ConsentId;
import io.consentgateway.domain.shared.Require;
import io.consentgateway.domain.shared.UserId;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A page of a consent's transactions: an optional account and date range (inclusive), {@code limit}
 * 1..500 (default 100), and the opaque {@code cursor} of the previous page.
 */
public record TransactionsQuery(UserId userId, ConsentId consentId, Optional<String> accountId, Optional<LocalDate> from,
                                Optional<LocalDate> to, int limit, Optional<String> cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public TransactionsQuery {
        Require.nonNull(userId, "user id");
        Require.nonNull(consentId, "consent id");
        Require.optionals("transactions query", accountId, from, to, cursor);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    /** Parses the raw query parameters, naming every bad one. */
    public static TransactionsQuery parse(UserId userId, String consentId, String account, String from, String to,
                                          String limit, String cursor) {
        Fields f = new Fields();
        ConsentId id = f.require("id", consentId, ConsentId::parse);
        String accountId = f.parse("account", account, a -> Require.printable(Require.maxLength(a.strip(), 128, "account"), "account"));
        LocalDate fromDate = f.parse("from", from, TransactionsQuery::date);
        LocalDate toDate = f.parse("to", to, TransactionsQuery::date);
        Integer size = f.parse("limit", limit, TransactionsQuery::limit);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            f.reject("from", "must not be after to");
        }
        String cursorText = f.parse("cursor", cursor, c -> Require.maxLength(c, 512, "cursor"));
        f.throwIfAny();
        return new TransactionsQuery(userId, id, Optional.ofNullable(accountId).filter(a -> !a.isEmpty()),
                Optional.ofNullable(fromDate), Optional.ofNullable(toDate), size == null ? DEFAULT_LIMIT : size,
                Optional.ofNullable(cursorText).filter(c -> !c.isBlank()));
    }

    private static int limit(String text) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number from 1 to " + MAX_LIMIT);
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw new IllegalArgumentException("must be a whole number from 1 to " + MAX_LIMIT);
        }
        return value;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date YYYY-MM-DD");
        }
    }
}
