package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.contract.EventOutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook outbox contract, concurrent claims included, on PostgreSQL. */
class PostgresEventOutboxContractTest extends EventOutboxContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.postgres();

    @Override
    protected EventOutbox outbox() {
        return db.adapter().eventOutbox();
    }
}
