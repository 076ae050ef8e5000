package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.domain.finance.Transaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;

/**
 * The opaque paging cursor: the sort key (date, id) of the last transaction of the page, bound to the consent and
 * filter it was issued for. A keyset, not an offset: the history is read again for every page, so a transaction
 * booked between two requests must not push an item of the last page onto the next one, nor a removed one hide one.
 */
record TransactionCursor(Optional<LocalDate> lastDate, String lastId, int filterHash) {

    /** Newest first; among equal dates, by id. A transaction without any date sorts last. */
    static final Comparator<Transaction> NEWEST_FIRST = Comparator
            .comparing((Transaction t) -> t.effectiveDate().orElse(LocalDate.MIN)).reversed()
            .thenComparing(Transaction::id);

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static TransactionCursor after(Transaction last, int filterHash) {
        return new TransactionCursor(last.effectiveDate(), last.id(), filterHash);
    }

    /** True when {@code t} comes after this cursor's transaction in {@link #NEWEST_FIRST} order. */
    boolean precedes(Transaction t) {
        int byDate = lastDate.orElse(LocalDate.MIN).compareTo(t.effectiveDate().orElse(LocalDate.MIN));
        return byDate > 0 || (byDate == 0 && t.id().compareTo(lastId) > 0);
    }

    String encode() {
        String raw = "v2:" + Integer.toHexString(filterHash) + ":" + lastDate.map(LocalDate::toString).orElse("-") + ":"
                + ENCODER.encodeToString(lastId.getBytes(StandardCharsets.UTF_8));
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static TransactionCursor decode(String cursor, int expectedFilterHash) {
        try {
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length != 4 || !parts[0].equals("v2") || Integer.parseUnsignedInt(parts[1], 16) != expectedFilterHash) {
                throw new IllegalArgumentException();
            }
            Optional<LocalDate> date = parts[2].equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(parts[2]));
            String id = new String(DECODER.decode(parts[3]), StandardCharsets.UTF_8);
            if (id.isBlank()) {
                throw new IllegalArgumentException();
            }
            return new TransactionCursor(date, id, expectedFilterHash);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this query");
        }
    }
}
