package io.consentgateway.adapter.in.rest;

import java.net.URI;

/**
 * Where the callback sends the browser when the flow named no return URL (the fintech's front-end result
 * page). Produced by the bootstrap module from configuration.
 */
public record CallbackSettings(URI defaultReturnTo) {
    public CallbackSettings {
        if (defaultReturnTo == null || !defaultReturnTo.isAbsolute()) {
            throw new IllegalArgumentException("the default return URL must be absolute");
        }
    }
}
