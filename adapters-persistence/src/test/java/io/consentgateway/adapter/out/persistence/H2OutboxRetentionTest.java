package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OutboxRetentionTests} on H2 in PostgreSQL mode. */
class H2OutboxRetentionTest extends OutboxRetentionTests {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected AdapterExtension db() {
        return db;
    }
}
