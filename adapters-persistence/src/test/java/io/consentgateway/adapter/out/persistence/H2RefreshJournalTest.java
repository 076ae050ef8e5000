package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RefreshJournalTests} on H2 in PostgreSQL mode. */
class H2RefreshJournalTest extends RefreshJournalTests {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected AdapterExtension db() {
        return db;
    }
}
