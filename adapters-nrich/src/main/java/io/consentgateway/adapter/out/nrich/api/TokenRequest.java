package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.core.Form;

/**
 * Body of {@code POST /auth/token}: {@code authorization_code} (code, redirect_uri) or {@code refresh_token}.
 * Holds secrets in clear, so {@link #toString()} masks them.
 */
public record TokenRequest(
        @JsonbProperty("grant_type") String grantType,
        @JsonbProperty("code") String code,
        @JsonbProperty("redirect_uri") String redirectUri,
        @JsonbProperty("refresh_token") String refreshToken) {

    public static TokenRequest authorizationCode(String code, String redirectUriOrNull) {
        return new TokenRequest("authorization_code", code, redirectUriOrNull, null);
    }

    public static TokenRequest refresh(String refreshToken) {
        return new TokenRequest("refresh_token", null, null, refreshToken);
    }

    /** The same request, form-urlencoded. */
    public Form toForm() {
        Form form = new Form().param("grant_type", grantType);
        if (code != null) {
            form.param("code", code);
        }
        if (redirectUri != null) {
            form.param("redirect_uri", redirectUri);
        }
        if (refreshToken != null) {
            form.param("refresh_token", refreshToken);
        }
        return form;
    }

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", code=" + (code == null ? "null" : "***")
                + ", redirectUri=" + redirectUri + ", refreshToken=" + (refreshToken == null ? "null" : "***") + "]";
    }
}
