package io.consentgateway.sandbox.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Stable 64-bit seeds derived from strings: the same input gives the same seed on every JVM. */
public final class Seeds {

    private Seeds() {
    }

    public static long of(String... parts) {
        byte[] digest = Secrets.sha256(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}
