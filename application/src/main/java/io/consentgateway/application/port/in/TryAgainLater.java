package io.consentgateway.application.port.in;

import java.time.Duration;

/**
 * Nothing was done and nothing was lost: the provider could not be asked right now (too many calls in flight, a
 * circuit open, unreachable), and the same request will work when repeated after {@link #retryAfter()} (the code of a
 * callback is not spent; the flow waits for that very callback, or confirmation, again).
 */
public class TryAgainLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TryAgainLater(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
