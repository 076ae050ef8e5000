package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.InvalidValueException;
import io.consentgateway.domain.shared.Require;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The CSRF value that ties a provider's callback to the flow that started it: at least 128 random bits,
 * URL-safe Base64 without padding, single use, and never a UUID (whose 122 bits come in a guessable shape).
 * Compared in constant time; prints as {@code ***} since it authorises a callback.
 */
public final class State {
    /** 128 bits in URL-safe Base64 without padding take 22 characters. */
    public static final int MIN_LENGTH = 22;
    public static final int MIN_RANDOM_BYTES = 16;
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{" + MIN_LENGTH + ",128}");
    private static final Pattern UUID_SHAPE = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String value;

    private State(String value) {
        this.value = value;
    }

    /** A state made of random bytes (at least 16) from a cryptographically strong source. */
    public static State fromRandomBytes(byte[] randomBytes) {
        Require.nonNull(randomBytes, "random bytes");
        if (randomBytes.length < MIN_RANDOM_BYTES) {
            throw new InvalidValueException("state needs at least 128 random bits");
        }
        return new State(Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes));
    }

    /** A state as it comes back in a callback or out of storage. */
    public static State of(String text) {
        Require.nonBlank(text, "state");
        if (UUID_SHAPE.matcher(text).matches()) {
            throw new InvalidValueException("state must not be a UUID");
        }
        if (!BASE64URL.matcher(text).matches()) {
            throw new InvalidValueException("state must be 22..128 URL-safe Base64 characters");
        }
        return new State(text);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof State other && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "State[***]";
    }
}
