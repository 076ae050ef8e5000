package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider asked us to back off: 429 or 503 with a {@code Retry-After} longer than {@link #LONGER_THAN} (the reads'
 * retry delay plus its jitter), or 429 without any {@code Retry-After}. The reads do not retry it ({@code abortOn}):
 * a retry after ~500 ms would ignore the provider's request and only add load. The caller honours
 * {@link #retryAfter()} (when present) before calling again. A 429/503 asking for less (e.g. {@code Retry-After: 0})
 * stays a plain {@link ProviderUnavailable} and is retried. Either way the provider said it did not handle the request
 * (RFC 9110 §15.6.4, RFC 6585 §4), so nothing was spent: not in doubt.
 */
public class ProviderBusy extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    /** A requested wait above this is longer than the reads' own retry delay (500 ms + 250 ms jitter). */
    public static final Duration LONGER_THAN = Duration.ofMillis(750);

    public ProviderBusy(String message, Optional<Duration> retryAfter) {
        super(message, retryAfter, false, null);
    }

    /** Whether an answer of {@code status} (429 or 503) with this {@code Retry-After} asks us to back off. */
    public static boolean asksToBackOff(int status, Optional<Duration> retryAfter) {
        return retryAfter.map(wait -> wait.compareTo(LONGER_THAN) > 0).orElse(status == 429);
    }
}
