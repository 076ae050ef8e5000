package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/**
 * nrich's token answer. Every field is kept as a JSON value and read leniently by {@code NrichMapping.tokens}: by
 * the time this is read a refresh token may already have rotated, so an oddly typed optional field
 * ({@code expires_in}, {@code scope}, {@code token_type}) must never fail the call. Masks its secrets.
 */
public record TokenResponse(
        @JsonbProperty("access_token") JsonValue accessToken,
        @JsonbProperty("token_type") JsonValue tokenType,
        @JsonbProperty("expires_in") JsonValue expiresIn,
        @JsonbProperty("scope") JsonValue scope,
        @JsonbProperty("refresh_token") JsonValue refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=" + (accessToken == null ? "null" : "***") + ", tokenType=" + tokenType
                + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
