package io.consentgateway.adapter.out.persistence.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** What a secret leaves behind where it is stored without encryption. */
public final class CanaryTraces {
    private CanaryTraces() {
    }

    /**
     * The secret in clear, and in Base64 (standard and URL-safe) at each of the three alignments it can have inside a
     * longer text, the middle of each encoding only (which does not depend on its neighbours): a value stored encoded
     * but not encrypted shows one of them.
     */
    public static List<String> of(String secret) {
        List<String> traces = new ArrayList<>(List.of(secret));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = ("..".substring(0, offset) + secret).getBytes(StandardCharsets.UTF_8);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                traces.add(encoded.substring(4, encoded.length() - 4));
            }
        }
        return traces;
    }
}
