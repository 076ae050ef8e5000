package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;

/** nrich's token answer. {@code expires_in} is read leniently (number or string, or absent). Masks its secrets. */
public record TokenResponse(
        @JsonbProperty("access_token") String accessToken,
        @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") JsonValue expiresIn,
        @JsonbProperty("scope") String scope,
        @JsonbProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[accessToken=***, tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", scope=" + scope
                + ", refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
