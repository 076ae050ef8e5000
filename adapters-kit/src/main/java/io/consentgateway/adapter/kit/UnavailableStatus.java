package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP answers that mean "unavailable", the same at every provider: 429 and 503 (with their {@code Retry-After};
 * a {@link ProviderBusy} when it asks for a real wait; the provider declined to handle the request, so it was not
 * processed and a refresh token or code is not spent), any other 5xx and 408 (in doubt: the request was received and
 * may have been acted on), and an unexpected redirect or informational answer (in doubt too). Every other status is the provider's own to classify.
 */
public final class UnavailableStatus {

    private UnavailableStatus() {
    }

    /**
     * @param what how the message names the answer, e.g. {@code "nrich token endpoint answered HTTP 503"}
     * @return the exception for an unavailable status, or empty for a status the adapter classifies itself
     */
    public static Optional<ProviderUnavailable> of(int status, String what, String retryAfterHeader, Clock clock) {
        if (status == 429 || status == 503) {
            Optional<Duration> wait = RetryAfter.parse(retryAfterHeader, clock);
            return Optional.of(ProviderBusy.asksToBackOff(status, wait)
                    ? new ProviderBusy(what, wait)
                    : new ProviderUnavailable(what, wait, false, null));
        }
        if (status >= 500 || status == 408) {
            return Optional.of(new ProviderUnavailable(what, Optional.empty(), true, null));
        }
        if (status < 400) {
            return Optional.of(new ProviderUnavailable(what + ": an unexpected redirect or informational answer",
                    Optional.empty(), true, null));
        }
        return Optional.empty();
    }
}
