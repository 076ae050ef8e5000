package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OutboxRetentionTests} on PostgreSQL. */
class PostgresOutboxRetentionTest extends OutboxRetentionTests {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected AdapterExtension db() {
        return db;
    }
}
