package io.consentgateway.adapter.out.bank;

import io.consentgateway.application.port.out.ProviderUnavailable;

/**
 * A listing did not end within {@code cg.tatrabanka.max-pages} pages, or the transactions of one read held more items
 * in all than {@code cg.tatrabanka.max-transactions}: safety nets against a bank that ignores {@code page} and against
 * unbounded memory. Not retried (another walk would end the same way).
 */
public class PagingLimitExceeded extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    public PagingLimitExceeded(String message) {
        super(message);
    }
}
