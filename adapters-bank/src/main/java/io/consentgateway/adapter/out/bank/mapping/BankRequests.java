package io.consentgateway.adapter.out.bank.mapping;

import io.consentgateway.application.port.out.CodeExchange;
import io.consentgateway.application.port.out.TransactionFilter;
import io.consentgateway.domain.flow.State;
import io.consentgateway.domain.shared.RedirectUri;
import io.consentgateway.domain.token.PkceVerifier;
import io.consentgateway.domain.token.RefreshToken;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Form;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What the adapter sends the bank: the authorize URL with its PKCE challenge, the token forms, the JSON bodies. */
public final class BankRequests {
    /** RFC 7636 §4.1: 32 random octets, base64url without padding, give a 43-character verifier. */
    static final int VERIFIER_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private BankRequests() {
    }

    /** A fresh PKCE verifier from a cryptographically strong source. */
    public static PkceVerifier newVerifier(SecureRandom random) {
        byte[] bytes = new byte[VERIFIER_BYTES];
        random.nextBytes(bytes);
        return new PkceVerifier(BASE64URL.encodeToString(bytes));
    }

    /** RFC 7636 §4.2: {@code BASE64URL(SHA256(ASCII(code_verifier)))}. */
    public static String s256(PkceVerifier verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.reveal().getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * {@code {base}/auth/oauth/v2/authorize?client_id&response_type=code&redirect_uri&scope&state&code_challenge
     * &code_challenge_method=S256}, every value percent-encoded (RFC 3986, a space as {@code %20}).
     */
    public static URI authorizeUrl(URI baseUri, String clientId, String scope, State state, RedirectUri redirectUri,
                                   PkceVerifier verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", scope);
        query.put("state", state.value());
        query.put("code_challenge", s256(verifier));
        query.put("code_challenge_method", "S256");
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(name + "=" + encode(value)));
        return URI.create(baseUri + "/auth/oauth/v2/authorize?" + joined);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * {@code grant_type=authorization_code&code&redirect_uri&code_verifier}: the redirect URI exactly as sent to
     * authorize (RFC 6749 §4.1.3 compares byte for byte), the verifier when the flow has one.
     */
    public static Form exchange(CodeExchange exchange) {
        Form form = new Form()
                .param("grant_type", "authorization_code")
                .param("code", exchange.code().reveal())
                .param("redirect_uri", exchange.redirectUri().toString());
        exchange.pkceVerifier().ifPresent(verifier -> form.param("code_verifier", verifier.reveal()));
        return form;
    }

    /** {@code grant_type=refresh_token&refresh_token}. */
    public static Form refresh(RefreshToken refreshToken) {
        return new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken.reveal());
    }

    /** {@code {"iban":"..."}} of {@code POST /api/v1/accounts/information}. */
    public static String information(String iban) {
        return Json.createObjectBuilder().add("iban", iban).build().toString();
    }

    /** {@code {"iban","status","dateFrom","dateTo","page","pageSize"}}; the dates only when the filter has them. */
    public static String transactions(String iban, String status, TransactionFilter filter, int page, int pageSize) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("iban", iban).add("status", status);
        filter.from().map(LocalDate::toString).ifPresent(from -> body.add("dateFrom", from));
        filter.to().map(LocalDate::toString).ifPresent(to -> body.add("dateTo", to));
        return body.add("page", page).add("pageSize", pageSize).build().toString();
    }
}
