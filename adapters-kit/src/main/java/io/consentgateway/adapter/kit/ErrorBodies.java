package io.consentgateway.adapter.kit;

import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a provider's error answer for classification: at most {@link #MAX_ERROR_BYTES}, never failing. */
public final class ErrorBodies {
    public static final int MAX_ERROR_BYTES = 64 * 1024;

    private ErrorBodies() {
    }

    /** The body as text (UTF-8), cut at {@link #MAX_ERROR_BYTES}; empty when there is none or it cannot be read. */
    public static String read(Response response) {
        try {
            if (!response.hasEntity()) {
                return "";
            }
            InputStream in = response.readEntity(InputStream.class);
            if (in == null) {
                return "";
            }
            try (in) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while (out.size() < MAX_ERROR_BYTES
                        && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_ERROR_BYTES - out.size()))) > 0) {
                    out.write(buffer, 0, n);
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
