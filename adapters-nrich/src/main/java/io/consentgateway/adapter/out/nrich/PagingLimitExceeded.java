package io.consentgateway.adapter.out.nrich;

import io.consentgateway.application.port.out.ProviderUnavailable;

/**
 * The transaction pages did not end within the configured number of pages ({@code cg.nrich.max-pages}), or held
 * more items in all than {@code cg.nrich.max-transactions}: safety nets against a provider that ignores
 * {@code offset} and against unbounded memory. Not retried (another walk would end the same way).
 */
public class PagingLimitExceeded extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    public PagingLimitExceeded(String message) {
        super(message);
    }
}
