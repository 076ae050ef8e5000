package io.consentgateway.adapter.kit;

import io.consentgateway.application.port.out.ProviderUnavailable;

/**
 * A paged read of a provider did not end within the adapter's page limit, or held more items in all than its item
 * limit ({@code cg.<provider>.max-pages}, {@code cg.<provider>.max-transactions}): safety nets against a provider that
 * ignores the paging parameter and against unbounded memory. Not retried: another walk would end the same way.
 */
public class PagingLimitExceeded extends ProviderUnavailable {
    private static final long serialVersionUID = 1L;

    public PagingLimitExceeded(String message) {
        super(message);
    }
}
