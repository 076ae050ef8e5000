package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.out.TransactionSlice;
import io.consentgateway.domain.finance.Transaction;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque paging cursor: the sort key (date, account, id) of the last transaction of the page, bound to the consent
 * and filter it was issued for. The account is part of the key: two accounts may carry the same transaction id. A
 * keyset, not an offset: a transaction stored between two requests (a sync) must not push an item of the last page
 * onto the next one, nor a removed one hide one.
 */
record TransactionCursor(Optional<LocalDate> lastDate, String lastAccount, String lastId, int filterHash) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static TransactionCursor after(Transaction last, int filterHash) {
        return new TransactionCursor(last.effectiveDate(), last.accountId(), last.id(), filterHash);
    }

    /** The store's sort key of the cursor's transaction. */
    TransactionSlice.Key key() {
        return new TransactionSlice.Key(lastDate, lastAccount, lastId);
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
            if (id.isBlank() || account.isBlank()) {
                throw new IllegalArgumentException();
            }
            return new TransactionCursor(date, account, id, expectedFilterHash);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this query");
        }
    }
}
