package io.consentgateway.adapter.out.persistence.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The AES-256 keys that protect secrets at rest: one <em>current</em> key that encrypts every new value, and
 * any number of older keys that still decrypt what they once encrypted. Each key has a short id that is stored
 * in front of every ciphertext, so rotating keys never needs a big-bang re-encryption.
 *
 * <p>Built from configuration ({@code cg.crypto.current-key-id}, {@code cg.crypto.keys}) by
 * {@link #fromConfiguration(String, String)}. Error messages name key ids, never key material, and
 * {@link #toString()} shows the ids only.
 */
public final class KeyRing {
    /** Key ids go into the ciphertext header {@code v1.<keyId>.<...>}, so they must not contain {@code '.'}. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentKeyId, Map<String, SecretKey> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * A key ring from raw keys.
     *
     * @param currentKeyId the id of the key that encrypts new values; must be one of {@code keys}
     * @param keys         key id to 32-byte AES key (the arrays are copied and then zeroed)
     */
    public static KeyRing of(String currentKeyId, Map<String, byte[]> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((id, bytes) -> {
            requireKeyId(id);
            if (bytes == null || bytes.length != KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256), was "
                        + (bytes == null ? 0 : bytes.length));
            }
            checked.put(id, new SecretKeySpec(bytes, "AES"));
            Arrays.fill(bytes, (byte) 0);
        });
        requireKeyId(currentKeyId);
        if (!checked.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current key id '" + currentKeyId + "' is not among the configured keys "
                    + checked.keySet());
        }
        return new KeyRing(currentKeyId, checked);
    }

    /**
     * A key ring from configuration strings.
     *
     * @param currentKeyId {@code cg.crypto.current-key-id}, e.g. {@code 2026-11}
     * @param keys         {@code cg.crypto.keys}: comma-separated {@code id:base64key} pairs, e.g.
     *                     {@code 2026-05:q8X...=,2026-11:Zt0...=}; each key is 32 random bytes in Base64
     *                     ({@code openssl rand -base64 32}); URL-safe Base64 is accepted too
     */
    public static KeyRing fromConfiguration(String currentKeyId, String keys) {
        if (keys == null || keys.isBlank()) {
            throw new IllegalArgumentException("no encryption keys configured (cg.crypto.keys is empty)");
        }
        Map<String, byte[]> parsed = new LinkedHashMap<>();
        for (String entry : keys.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("cg.crypto.keys entries must look like id:base64key");
            }
            String id = trimmed.substring(0, colon).strip();
            requireKeyId(id);
            if (parsed.containsKey(id)) {
                throw new IllegalArgumentException("key id '" + id + "' is configured twice");
            }
            parsed.put(id, decodeBase64(id, trimmed.substring(colon + 1).strip()));
        }
        return of(currentKeyId == null ? null : currentKeyId.strip(), parsed);
    }

    /** The id of the key that encrypts new values. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of all keys that can decrypt. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    SecretKey currentKey() {
        return keys.get(currentKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    private static void requireKeyId(String id) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a key id must be 1..32 letters, digits, '_' or '-'");
        }
    }

    private static byte[] decodeBase64(String id, String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException notUrlSafe) {
                // never echo the text: it is (meant to be) a key
                throw new IllegalArgumentException("key '" + id + "' is not valid Base64");
            }
        }
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
