package io.consentgateway.adapter.out.bank.http;

import io.consentgateway.application.port.out.ProviderUnavailable;

import java.util.Optional;

/**
 * The bank could not be reached at all: the connection was refused, the host unknown, the connect timed out, or
 * an open circuit stopped the call. The request certainly never left, so even a code exchange or a refresh
 * may be tried again ({@code requestMayHaveBeenProcessed() == false}). The only failure a token call retries on.
 */
public class ProviderNotReached extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    public ProviderNotReached(String message) {
        super(message, Optional.empty(), false, null);
    }
}
