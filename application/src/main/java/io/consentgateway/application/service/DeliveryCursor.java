package io.consentgateway.application.service;

import io.consentgateway.application.port.in.InvalidInput;
import io.consentgateway.application.port.out.DeliveryFilter;
import io.consentgateway.application.port.out.DeliveryPosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The opaque cursor of the operator's list of webhook deliveries: the {@link DeliveryPosition} of the last delivery of
 * the page, bound to the filter it was issued for, so that a cursor of one filter is refused with another instead of
 * paging a list it does not belong to.
 */
record DeliveryCursor(DeliveryPosition position, int filterHash) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Far longer than any cursor this class writes; a longer text is refused before it is decoded. */
    private static final int MOST_CHARACTERS = 200;

    /** What binds a cursor to its filter: the status's and the endpoint's names (never an identity hash). */
    static int hashOf(DeliveryFilter filter) {
        return Objects.hash(filter.status().map(Enum::name).orElse(""), filter.endpoint().orElse(""));
    }

    String encode() {
        Instant at = position.occurredAt();
        String raw = "d1:" + Integer.toHexString(filterHash) + ":" + at.getEpochSecond() + ":" + at.getNano() + ":"
                + position.deliveryId();
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static DeliveryCursor decode(String cursor, DeliveryFilter filter) {
        try {
            if (cursor.length() > MOST_CHARACTERS) {
                throw new IllegalArgumentException();
            }
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            int expected = hashOf(filter);
            if (parts.length != 5 || !parts[0].equals("d1") || Integer.parseUnsignedInt(parts[1], 16) != expected) {
                throw new IllegalArgumentException();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[2]), Long.parseLong(parts[3]));
            return new DeliveryCursor(new DeliveryPosition(at, UUID.fromString(parts[4])), expected);
        } catch (RuntimeException e) {
            throw InvalidInput.of("cursor", "is not a cursor of this query");
        }
    }
}
