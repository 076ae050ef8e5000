package io.consentgateway.adapter.out.persistence;

import io.consentgateway.adapter.out.persistence.testing.AdapterExtension;
import io.consentgateway.application.port.out.EventOutbox;
import io.consentgateway.application.port.out.contract.EventOutboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook outbox contract, concurrent claims included, on H2. */
class H2EventOutboxContractTest extends EventOutboxContract {
    @RegisterExtension
    static final AdapterExtension db = AdapterExtension.h2();

    @Override
    protected EventOutbox outbox() {
        return db.adapter().eventOutbox();
    }
}
