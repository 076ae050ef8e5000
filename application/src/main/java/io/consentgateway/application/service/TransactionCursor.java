package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque paging cursor: an offset bound to the filter it was issued for, so a cursor cannot be replayed
 * against another filter or forged into a negative offset.
 */
record TransactionCursor(int offset, int filterHash) {

    String encode() {
        String raw = "v1:" + offset + ":" + Integer.toHexString(filterHash);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    static TransactionCursor decode(String cursor, int expectedFilterHash) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String[] parts = raw.split(":");
            if (parts.length != 3 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException();
            }
            int offset = Integer.parseInt(parts[1]);
            int hash = Integer.parseUnsignedInt(parts[2], 16);
            if (offset < 0 || hash != expectedFilterHash) {
                throw new IllegalArgumentException();
            }
            return new TransactionCursor(offset, hash);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this query");
        }
    }
}
