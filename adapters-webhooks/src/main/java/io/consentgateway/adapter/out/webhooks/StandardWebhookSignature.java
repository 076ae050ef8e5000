package io.consentgateway.adapter.out.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header of the Standard Webhooks specification 1.0: for each secret, {@code v1,} and the
 * base64 HMAC-SHA256 of {@code id.timestamp.body} keyed with the secret's bytes, space-separated. A receiver accepts the
 * message when one of them matches a secret it knows, so during a rotation the gateway signs with the new and the old
 * secret and receivers switch whenever they are ready.
 */
final class StandardWebhookSignature {
    static final String SECRET_PREFIX = "whsec_";

    private StandardWebhookSignature() {
    }

    static String header(List<byte[]> keys, String id, long timestampSeconds, String body) {
        String signed = id + "." + timestampSeconds + "." + body;
        return keys.stream().map(key -> "v1," + hmac(key, signed)).collect(Collectors.joining(" "));
    }

    /**
     * The key of a {@code whsec_<base64>} secret: its base64 part decoded, 24 to 64 bytes as the specification asks.
     *
     * @throws IllegalArgumentException naming what is wrong, never the secret
     */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a secret starts with " + SECRET_PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a secret is " + SECRET_PREFIX + " and base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a secret's key is 24 to 64 bytes (" + key.length + " given)");
        }
        return key;
    }

    private static String hmac(byte[] key, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
