package io.consentgateway.application.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider did not answer in time, or answered that it is overloaded. The request may be repeated later, after
 * {@link #retryAfter()} when the provider named a wait.
 */
public class ProviderDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ProviderDown(String message, Optional<Duration> retryAfter) {
        super(message);
        this.retryAfter = retryAfter.orElse(null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
