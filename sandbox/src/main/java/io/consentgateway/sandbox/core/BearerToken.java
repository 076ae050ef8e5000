package io.consentgateway.sandbox.core;

import java.util.Optional;

/** Reads a bearer token from an {@code Authorization} header (RFC 6750). */
public final class BearerToken {

    private BearerToken() {
    }

    public static Optional<String> from(String header) {
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
