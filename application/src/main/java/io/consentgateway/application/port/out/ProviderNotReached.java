package io.consentgateway.application.port.out;

import java.util.Optional;

/**
 * The provider could not be reached at all: the connection was refused, the host unknown, the connect timed out, or
 * the adapter's own circuit breaker or bulkhead stopped the call. The request certainly never left, so even a code
 * exchange or a refresh may be tried again ({@code requestMayHaveBeenProcessed() == false}): the one failure an
 * adapter's token calls may retry on.
 */
public class ProviderNotReached extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    public ProviderNotReached(String message) {
        super(message, Optional.empty(), false, null);
    }
}
