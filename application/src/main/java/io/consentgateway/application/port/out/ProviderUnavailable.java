package io.consentgateway.application.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider could not answer: 429/503 (with an optional {@code Retry-After}), another 5xx, a timeout,
 * a malformed or oversized answer, an open circuit, a full bulkhead. Two cases matter: the request never left
 * (a refused connection, our own circuit or bulkhead: safe to repeat), or it was sent and no usable answer came
 * (in doubt: a code may be spent, a refresh token rotated). {@link #requestMayHaveBeenProcessed()} says whether the
 * request may have reached the provider (so a code exchange or a refresh must not be repeated blindly).
 */
public class ProviderUnavailable extends ProviderException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;
    private final boolean requestMayHaveBeenProcessed;

    public ProviderUnavailable(String message, Optional<Duration> retryAfter, boolean requestMayHaveBeenProcessed, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter.orElse(null);
        this.requestMayHaveBeenProcessed = requestMayHaveBeenProcessed;
    }

    public ProviderUnavailable(String message) {
        this(message, Optional.empty(), true, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean requestMayHaveBeenProcessed() {
        return requestMayHaveBeenProcessed;
    }
}
