package io.consentgateway.adapter.out.persistence.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Encrypts secrets for storage with AES-256-GCM from the JDK (see docs/adr/0003-token-encryption-at-rest.md).
 *
 * <pre>
 *   stored value    = "v1." + keyId + "." + base64url(nonce[12] | ciphertext | tag[16])   (no padding)
 *   associated data = "v1." + keyId + "|" + table + "." + purpose + ":" + rowId
 * </pre>
 * A fresh random 96-bit nonce per value; the key id in the header says which key of the {@link KeyRing}
 * decrypts, so old values stay readable after a new current key is configured; the associated data binds the
 * value to its header, its column and its row. Decryption fails closed with {@link StoredSecretUnreadable}.
 *
 * <p>Thread-safe: a {@link Cipher} is made per call (they are not thread-safe and cheap to get).
 */
public final class SecretCipher {
    static final String FORMAT = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyRing keys;
    private final SecureRandom random;

    public SecretCipher(KeyRing keys) {
        this(keys, new SecureRandom());
    }

    SecretCipher(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "key ring");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Encrypts {@code clearText} with the current key, bound to {@code where}. */
    public String encrypt(String clearText, SecretColumn.Location where) {
        Objects.requireNonNull(clearText, "clear text");
        Objects.requireNonNull(where, "location");
        String header = FORMAT + "." + keys.currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.currentKey(), nonce, header, where);
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            return header + "." + ENCODER.encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            // a JDK without AES-GCM, or an unusable key: a set-up fault, not data
            throw new IllegalStateException("AES-GCM encryption failed for " + where + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Encrypts an optional value. */
    public Optional<String> encrypt(Optional<String> clearText, SecretColumn.Location where) {
        return clearText.map(text -> encrypt(text, where));
    }

    /**
     * Decrypts a value stored at {@code where}.
     *
     * @throws StoredSecretUnreadable if the format is unknown, the key id is not configured, or the value does
     *                                not authenticate (altered, copied from elsewhere, or another key)
     */
    public String decrypt(String stored, SecretColumn.Location where) {
        Objects.requireNonNull(where, "location");
        if (stored == null) {
            throw new StoredSecretUnreadable(where, "no value is stored");
        }
        int first = stored.indexOf('.');
        int second = first < 0 ? -1 : stored.indexOf('.', first + 1);
        if (first < 0 || second < 0 || !stored.substring(0, first).equals(FORMAT)) {
            throw new StoredSecretUnreadable(where, "not an encrypted value in format " + FORMAT);
        }
        String keyId = stored.substring(first + 1, second);
        String header = stored.substring(0, second);
        SecretKey key = keys.key(keyId).orElseThrow(() -> new StoredSecretUnreadable(where,
                "it was encrypted with key id '" + safeKeyId(keyId) + "', which is not configured (cg.crypto.keys has "
                        + keys.keyIds() + ")"));
        byte[] body;
        try {
            body = DECODER.decode(stored.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new StoredSecretUnreadable(where, "the ciphertext is not valid Base64url");
        }
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new StoredSecretUnreadable(where, "the ciphertext is too short");
        }
        try {
            byte[] nonce = Arrays.copyOfRange(body, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce, header, where);
            byte[] clear = cipher.doFinal(body, NONCE_BYTES, body.length - NONCE_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoredSecretUnreadable(where, "authentication failed: the value was altered, copied from another"
                    + " row or column, or key '" + keyId + "' is not the key it was encrypted with");
        } catch (GeneralSecurityException e) {
            throw new StoredSecretUnreadable(where, "decryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Decrypts an optional stored value (a NULL column). */
    public Optional<String> decryptIfPresent(String stored, SecretColumn.Location where) {
        return stored == null ? Optional.empty() : Optional.of(decrypt(stored, where));
    }

    /** How every value encrypted with key {@code keyId} begins: {@code v1.<keyId>.}. */
    public static String headerOf(String keyId) {
        return FORMAT + "." + keyId + ".";
    }

    /** The id of the key a stored value was encrypted with (for rotation reports), without decrypting it. */
    public static Optional<String> keyIdOf(String stored) {
        if (stored == null || !stored.startsWith(FORMAT + ".")) {
            return Optional.empty();
        }
        int second = stored.indexOf('.', FORMAT.length() + 1);
        return second < 0 ? Optional.empty() : Optional.of(stored.substring(FORMAT.length() + 1, second));
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String header, SecretColumn.Location where)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((header + "|" + where.associatedData()).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** An unknown key id came from the database; print it only if it looks like an id, never arbitrary bytes. */
    private static String safeKeyId(String keyId) {
        return keyId.matches("[A-Za-z0-9_-]{1,32}") ? keyId : "(malformed)";
    }
}
