package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TransactionRollbackTests} on H2 in PostgreSQL mode. */
class H2TransactionRollbackTest extends TransactionRollbackTests {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected AdapterExtension db() {
        return db;
    }
}
