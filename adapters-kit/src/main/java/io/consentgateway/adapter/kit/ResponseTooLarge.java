package io.consentgateway.adapter.kit;

import java.io.IOException;

/** Raised while reading an answer that exceeds the configured size; the adapter turns it into ProviderUnavailable. */
public final class ResponseTooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    public ResponseTooLarge(long limit) {
        super("answer exceeds " + limit + " bytes");
    }
}
