package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.domain.finance.Transaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * The opaque paging cursor: the sort key (date, account, id) of the last transaction of the page, bound to the consent
 * and filter it was issued for. The account is part of the key: two accounts may carry the same transaction id. A keyset, not an offset: the history is read again for every page, so a transaction
 * booked between two requests must not push an item of the last page onto the next one, nor a removed one hide one.
 */
record TransactionCursor(Optional<LocalDate> lastDate, String lastAccount, String lastId, int filterHash) {

    /** Newest first; among equal dates, by account, then id. A transaction without any date sorts last. */
    static final Comparator<Transaction> NEWEST_FIRST = Comparator
            .comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN)).reversed()
            .thenComparing(Transaction::accountId)
            .thenComparing(Transaction::id);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static TransactionCursor after(Transaction last, int filterHash) {
        return new TransactionCursor(last.effectiveDate(), last.accountId(), last.id(), filterHash);
    }

    /** True when {@code t} comes after this cursor's transaction in {@link #NEWEST_FIRST} order. */
    boolean precedes(Transaction t) {
        int byDate = lastDate.orElse(LocalDate.MIN).compareTo(t.effectiveDate().orElse(LocalDate.MIN));
        if (byDate != 0) {
            return byDate > 0;
        }
        int byAccount = t.accountId().compareTo(lastAccount);
        return byAccount > 0 || (byAccount == 0 && t.id().compareTo(lastId) > 0);
    }

    String encode() {
        String raw = "v3:" + Integer.toHexString(filterHash) + ":" + lastDate.map(LocalDate::toString).orElse("-") + ":"
                + ENCODER.encodeToString(lastAccount.getBytes(StandardCharsets.UTF_8)) + ":"
                + ENCODER.encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TransactionCursor decode(String cursor, int expectedFilterHash) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 5 || !parts[0].equals("v3") || Integer.parseUnsignedInt(parts[1], 16) != expectedFilterHash) {
                throw new IllegalArgumentException();
            }
            Optional<LocalDate> date = parts[2].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(parts[2]));
            String account = new String(DECODER.decode(parts[3]), StandardCharsets.UTF_8);
            String id = new String(DECODER.decode(parts[4]), StandardCharsets.UTF_8);
            if (id.isBlank()) {
                throw new IllegalArgumentException();
            }
            return new TransactionCursor(date, account, id, expectedFilterHash);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this query");
        }
    }
}
