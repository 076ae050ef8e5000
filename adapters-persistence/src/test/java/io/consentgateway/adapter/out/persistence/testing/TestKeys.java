package io.consentgateway.adapter.out.persistence.testing;

import io.consentgateway.adapter.out.persistence.crypto.KeyRing;

import java.security.SecureRandom;
import java.util.Base64;

/** Throw-away encryption keys for tests: random per JVM, never a key from the repository. */
public final class TestKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_1 = newKeyBase64();

    private TestKeys() {
    }

    /** The key ring every adapter test uses unless it tests rotation. */
    public static KeyRing ring() {
        return KeyRing.fromConfiguration("test-1", "test-1:" + KEY_1);
    }

    /** The test ring after a rotation: {@code newKeyId} is current, and {@code test-1} is still there to read with. */
    public static KeyRing ringRotatedTo(String newKeyId, String newKeyBase64) {
        return KeyRing.fromConfiguration(newKeyId, "test-1:" + KEY_1 + "," + newKeyId + ":" + newKeyBase64);
    }

    /** 32 random bytes in Base64, as {@code openssl rand -base64 32} prints them. */
    public static String newKeyBase64() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
