package io.consentgateway.domain.shared;

import java.util.UUID;

/** Identifies a consent. Lives in {@code shared} because a completed flow points at its consent. */
public record ConsentId(UUID value) {
    public ConsentId {
        Require.nonNull(value, "consent id");
    }

    public static ConsentId random() {
        return new ConsentId(UUID.randomUUID());
    }

    public static ConsentId parse(String text) {
        try {
            return new ConsentId(UUID.fromString(Require.nonBlank(text, "consent id")));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("consent id must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
