package io.consentgateway.sandbox.bank;

import io.consentgateway.sandbox.core.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/** PKCE (RFC 7636) with the S256 method only: {@code BASE64URL(SHA256(verifier)) == challenge}. */
public final class Pkce {

    /** Verifier and challenge alphabet and length (RFC 7636 §4.1, §4.2). */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    public static boolean isWellFormed(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    public static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Secrets.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    public static boolean verifies(String verifier, String challenge) {
        return isWellFormed(verifier) && Secrets.constantTimeEquals(challengeOf(verifier), challenge);
    }
}
