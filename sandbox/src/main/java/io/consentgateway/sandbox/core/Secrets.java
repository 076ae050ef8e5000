package io.consentgateway.sandbox.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random opaque tokens and their fingerprints.
 * <p>
 * The simulators never keep a token itself: they keep its SHA-256 fingerprint, the way a real
 * authorization server should, so a heap dump or a log line cannot leak a usable token.
 */
public final class Secrets {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final String prefix;

    public Secrets() {
        this("");
    }

    /**
     * @param prefix put in front of every token and code issued (letters, digits, '-' and '_'): a recognisable canary a
     *               leak scan can look for in logs, answers and database dumps; empty by default
     */
    public Secrets(String prefix) {
        if (!prefix.matches("[A-Za-z0-9_-]{0,32}")) {
            throw new IllegalArgumentException("a secret prefix is at most 32 letters, digits, '-' or '_'");
        }
        this.prefix = prefix;
    }

    /** A new token: the prefix, then 32 random bytes, URL-safe base64 without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return prefix + URL.encodeToString(bytes);
    }

    /** The fingerprint under which a token is stored and looked up. */
    public static String fingerprint(String token) {
        return URL.encodeToString(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares two secrets in time independent of where they differ. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
