package io.consentgateway.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** HTTP Basic client authentication (RFC 7617), as the providers use it for their clients. */
public record BasicCredentials(String user, String password) {

    /** Parses an {@code Authorization} header value; empty when missing or malformed. */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Whether the header carries exactly the expected client id and secret. */
    public static boolean matches(String header, String clientId, String clientSecret) {
        return parse(header)
                .map(c -> Secrets.constantTimeEquals(c.user(), clientId) & Secrets.constantTimeEquals(c.password(), clientSecret))
                .orElse(false);
    }

    /** Builds a header value: for tests and the documentation. */
    public static String header(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=***]";
    }
}
