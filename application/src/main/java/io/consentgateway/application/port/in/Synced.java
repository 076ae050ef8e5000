package io.consentgateway.application.port.in;

import io.consentgateway.domain.shared.Require;

import java.time.Instant;

/**
 * Data served from the gateway's store, and when it was read from the provider. A read usually syncs first when the
 * data is older than the configured max age; during a provider outage it is served as last synced.
 */
public record Synced<T>(T data, Instant syncedAt) {
    public Synced {
        Require.nonNull(data, "data");
        Require.nonNull(syncedAt, "synced at");
    }
}
