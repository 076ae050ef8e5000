package io.consentgateway.application.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * The user already has as many flows waiting for them as the gateway allows (started, the user not back from the
 * provider, not lapsed): nothing was started and no provider was asked. A waiting flow frees its place when the user
 * comes back from the provider, or when it lapses; {@link #retryAfter()} says when the first one lapses.
 */
public class TooManyWaitingFlows extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int max;
    private final Duration retryAfter;

    public TooManyWaitingFlows(int max, Duration retryAfter) {
        super(max + " flows are already waiting for this user; finish one or let it lapse, then start again");
        this.max = max;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retry after");
    }

    /** How many flows may wait for one user at once. */
    public int max() {
        return max;
    }

    /** Until the first waiting flow lapses and frees its place, at the latest (sooner if the user finishes one). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
