package io.consentgateway.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * The gateway cannot serve the request now because its own database is out of reach. Nothing the request would have
 * changed is stored; the same request may be repeated after {@link #retryAfter()}.
 */
public class GatewayUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public GatewayUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retry after");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
